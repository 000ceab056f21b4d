import { LineSplitter } from '@influxdata/influxdb-client';
import { InfluxQueryError } from './influx-errors.js';
import type { SourceRow } from './query-plan.js';

/**
 * Turns the lines of InfluxDB's annotated CSV (split by csv-lines.ts) into rows of the three
 * columns flux-query.ts produces (`_time`, `_value`, `key`).
 *
 * Why not the client's row API: it splits every line into an array of all its columns (result
 * and table included) and copies that array before handing it over; for 55 k rows of a 24 h read
 * that was a third of the fetch on top of the raw query. Here a line without quotes is cut at its
 * commas and only the three wanted columns become strings; a quoted line (a tag value holding a
 * comma or a quote) goes through the client's own splitter, so quoting follows the library.
 */
export interface FluxRowReader {
  /** One CSV line (no line break); returns the row it holds, or undefined for annotations/headers. */
  line(text: string): SourceRow | undefined;
}

export function createFluxRowReader(): FluxRowReader {
  const splitter = new LineSplitter();
  // Every signal's stream has the same window starts, so each time string comes back once per
  // signal (~25 times): a lookup is several times cheaper than parsing RFC 3339 again.
  const parsedTimes = new Map<string, number>();
  let expectHeader = true;
  let ti = -1;
  let vi = -1;
  let ki = -1;
  let ei = -1;
  return {
    line(text: string): SourceRow | undefined {
      // A blank line ends a table; the next table brings its own annotations and header.
      if (text === '') {
        expectHeader = true;
        return undefined;
      }
      if (text.charCodeAt(0) === 35 /* # */) return undefined;
      if (expectHeader) {
        const columns = splitter.splitLine(text);
        ti = columns.indexOf('_time');
        vi = columns.indexOf('_value');
        ki = columns.indexOf('key');
        ei = columns.indexOf('error');
        expectHeader = false;
        if (ei < 0 && (ti < 0 || vi < 0 || ki < 0))
          throw new InfluxQueryError(`Flux result lacks _time, _value or key columns: ${columns.join(',')}`);
        return undefined;
      }
      // A query that fails after the response started reports it as a table with an error column.
      if (ei >= 0) {
        const message = splitter.splitLine(text)[ei] ?? '';
        throw new InfluxQueryError(`Flux query failed: ${message || 'unknown error'}`);
      }
      let time = '';
      let value = '';
      let key = '';
      if (text.indexOf('"') < 0) {
        let start = 0;
        for (let column = 0; ; column++) {
          const comma = text.indexOf(',', start);
          const end = comma < 0 ? text.length : comma;
          if (column === ti) time = text.substring(start, end);
          else if (column === vi) value = text.substring(start, end);
          else if (column === ki) key = text.substring(start, end);
          if (comma < 0) break;
          start = comma + 1;
        }
      } else {
        const columns = splitter.splitLine(text);
        time = columns[ti] ?? '';
        value = columns[vi] ?? '';
        key = columns[ki] ?? '';
      }
      let t = parsedTimes.get(time);
      if (t === undefined) parsedTimes.set(time, (t = Date.parse(time)));
      // An empty cell is a null, not a zero: NaN is counted and skipped downstream (clean-series).
      return { t, name: key, value: value === '' ? Number.NaN : Number(value) };
    },
  };
}
