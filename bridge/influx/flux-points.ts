import { LineSplitter } from '@influxdata/influxdb-client';
import { InfluxQueryError } from './influx-errors.js';
import type { KeyedPoints } from './keyed-points.js';
import { parseUtcTime } from './rfc3339.js';

/**
 * Reads the lines of InfluxDB's annotated CSV (found by csv-lines.ts) into runs of points of the
 * three columns flux-query.ts produces (`_time`, `_value`, `key`).
 *
 * Why not the client's row API, nor a string per cell: for a year's 333 k rows the client's
 * splitting into arrays of every column, then a string and an object per row, cost more than
 * InfluxDB took to answer. Here a line without quotes is read where it lies in the decoded text:
 * the time's digits are read in place (rfc3339.ts), the key is compared with the current run's
 * key in place, and only the value is cut out for Number(). A quoted line (a tag value holding a
 * comma or a quote) goes through the client's own splitter, so quoting follows the library.
 */
export interface FluxPointReader {
  /** One CSV line, `text[start, end)` without its line break; `quoted` if it holds a quote. */
  line(text: string, start: number, end: number, quoted: boolean): void;
  /** Runs read since the last call (the last one may continue in the next). */
  take(): KeyedPoints[];
  /** Points read since the last take(). */
  readonly pending: number;
}

export function createFluxPointReader(): FluxPointReader {
  const splitter = new LineSplitter();
  let runs: KeyedPoints[] = [];
  let run: KeyedPoints | undefined;
  let pending = 0;
  let expectHeader = true;
  let ti = -1;
  let vi = -1;
  let ki = -1;
  let ei = -1;
  let last = -1;

  const add = (name: string, t: number, v: number): void => {
    if (run === undefined || run.name !== name) runs.push((run = { name, t: [], v: [] }));
    run.t.push(t);
    run.v.push(v);
    pending++;
  };

  return {
    line(text, start, end, quoted) {
      // A blank line ends a table; the next table brings its own annotations and header.
      if (start === end) {
        expectHeader = true;
        return;
      }
      if (text.charCodeAt(start) === 35 /* # */) return;
      if (expectHeader) {
        const columns = splitter.splitLine(text.substring(start, end));
        ti = columns.indexOf('_time');
        vi = columns.indexOf('_value');
        ki = columns.indexOf('key');
        ei = columns.indexOf('error');
        last = Math.max(ti, vi, ki);
        expectHeader = false;
        if (ei < 0 && (ti < 0 || vi < 0 || ki < 0))
          throw new InfluxQueryError(`Flux result lacks _time, _value or key columns: ${columns.join(',')}`);
        return;
      }
      // A query that fails after the response started reports it as a table with an error column.
      if (ei >= 0) {
        const message = splitter.splitLine(text.substring(start, end))[ei] ?? '';
        throw new InfluxQueryError(`Flux query failed: ${message || 'unknown error'}`);
      }
      if (quoted) {
        const columns = splitter.splitLine(text.substring(start, end));
        add(columns[ki] ?? '', Date.parse(columns[ti] ?? ''), valueOf(columns[vi] ?? ''));
        return;
      }
      let t = Number.NaN;
      let v = Number.NaN;
      let name: string | undefined;
      let cell = start;
      for (let column = 0; column <= last; column++) {
        let comma = text.indexOf(',', cell);
        if (comma < 0 || comma > end) comma = end;
        if (column === ti) t = parseUtcTime(text, cell, comma);
        else if (column === vi) v = valueOf(text.substring(cell, comma));
        else if (column === ki) {
          const current = run?.name;
          name =
            current !== undefined && current.length === comma - cell && text.startsWith(current, cell)
              ? current
              : text.substring(cell, comma);
        }
        if (comma === end) break;
        cell = comma + 1;
      }
      add(name ?? '', t, v);
    },
    take() {
      const out = runs;
      runs = [];
      run = undefined;
      pending = 0;
      return out;
    },
    get pending() {
      return pending;
    },
  };
}

/** An empty cell is a null, not a zero: NaN is counted and skipped downstream (mapping). */
function valueOf(cell: string): number {
  return cell === '' ? Number.NaN : Number(cell);
}
