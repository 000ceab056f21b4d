import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesToTables, stringToLines } from '@influxdata/influxdb-client';
import fc from 'fast-check';
import { createCsvLineSplitter } from '../../../bridge/influx/csv-lines.js';
import { createFluxPointReader } from '../../../bridge/influx/flux-points.js';
import { InfluxQueryError } from '../../../bridge/influx/influx-errors.js';
import { rowsOfPoints, type KeyedPoints } from '../../../bridge/influx/keyed-points.js';
import type { SourceRow } from '../../../bridge/influx/query-plan.js';

const HEAD = [
  '#datatype,string,long,dateTime:RFC3339,double,string',
  '#group,false,false,false,false,false',
  '#default,_result,,,,',
  ',result,table,_time,_value,key',
];

/** The runs read from `lines`, each handed over on its own. */
function runs(lines: readonly string[]): KeyedPoints[] {
  const reader = createFluxPointReader();
  for (const line of lines) reader.line(line, 0, line.length, line.includes('"'));
  return reader.take();
}

function read(lines: readonly string[]): SourceRow[] {
  return rowsOfPoints(runs(lines));
}

/** The rows read from `lines` as one answer, cut into chunks of `chunk` bytes (the transport's way). */
function readText(lines: readonly string[], chunk: number): SourceRow[] {
  const reader = createFluxPointReader();
  const splitter = createCsvLineSplitter(reader.line);
  const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk));
  splitter.end();
  return rowsOfPoints(reader.take());
}

/** RFC 4180 quoting, as InfluxDB writes a cell holding a comma, a quote or a line break. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe('Flux annotated CSV to runs of points (flux-points)', () => {
  it('reads time, value and key; annotation and header lines give no row', () => {
    const rows = read([
      ...HEAD,
      ',,0,2024-01-01T00:00:00Z,21.5,outdoor_temp',
      ',,0,2024-01-01T00:00:30Z,-3.25,outdoor_temp',
      ',,0,2024-01-01T00:00:00Z,1,compressor_state',
    ]);
    assert.deepEqual(rows, [
      { t: Date.UTC(2024, 0, 1), name: 'outdoor_temp', value: 21.5 },
      { t: Date.UTC(2024, 0, 1, 0, 0, 30), name: 'outdoor_temp', value: -3.25 },
      { t: Date.UTC(2024, 0, 1), name: 'compressor_state', value: 1 },
    ]);
  });

  it('rows of one key in a row make one run; a new key starts the next', () => {
    const read = runs([
      ...HEAD,
      ',,0,2024-01-01T00:00:00Z,1,a',
      ',,0,2024-01-01T00:01:00Z,2,a',
      ',,1,2024-01-01T00:00:00Z,3,b',
      ',,2,2024-01-01T00:00:00Z,4,ab',
    ]);
    assert.deepEqual(read, [
      { name: 'a', t: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 1)], v: [1, 2] },
      { name: 'b', t: [Date.UTC(2024, 0, 1)], v: [3] },
      { name: 'ab', t: [Date.UTC(2024, 0, 1)], v: [4] },
    ]);
  });

  it('reads lines where they lie in the decoded chunks, whatever the chunk size', () => {
    const lines = [...HEAD];
    for (let i = 0; i < 300; i++)
      lines.push(
        `,,${i % 3},2024-01-01T00:${String(i % 60).padStart(2, '0')}:00.${i}Z,${i / 7},${cell(`k,${i % 3}`)}`,
      );
    const expected = read(lines);
    assert.equal(expected.length, 300);
    assert.deepEqual(expected[7], { t: Date.UTC(2024, 0, 1, 0, 7, 0, 700), name: 'k,1', value: 1 });
    for (const chunk of [1, 7, 64, 1000, 100_000])
      assert.deepEqual(readText(lines, chunk), expected, `chunk ${chunk}`);
  });

  it('takes the column order from each table header, after a blank line', () => {
    const rows = read([
      ...HEAD,
      ',,0,2024-01-01T00:00:00Z,1.5,a',
      '',
      '#datatype,string,long,string,double,dateTime:RFC3339',
      ',result,table,key,_value,_time',
      ',,1,b,2.5,2024-01-01T00:01:00Z',
    ]);
    assert.deepEqual(rows, [
      { t: Date.UTC(2024, 0, 1), name: 'a', value: 1.5 },
      { t: Date.UTC(2024, 0, 1, 0, 1), name: 'b', value: 2.5 },
    ]);
  });

  it('an empty value cell is NaN (counted and skipped downstream), never 0', () => {
    const [row] = read([...HEAD, ',,0,2024-01-01T00:00:00Z,,outdoor_temp']);
    assert.ok(row !== undefined && Number.isNaN(row.value));
  });

  it('a key holding commas and quotes is unquoted like the client does', () => {
    const [row] = read([...HEAD, `,,0,2024-01-01T00:00:00Z,4,${cell('zone "1", upstairs')}`]);
    assert.deepEqual(row, { t: Date.UTC(2024, 0, 1), name: 'zone "1", upstairs', value: 4 });
  });

  it('an error table in the response is a query error carrying the server message', () => {
    const lines = [
      '#datatype,string,string',
      '#group,true,true',
      '#default,,',
      ',error,reference',
      ',"runtime error: bucket ""x"" not found",',
    ];
    assert.throws(
      () => read(lines),
      (e: Error) => e instanceof InfluxQueryError && e.message.includes('bucket "x" not found'),
    );
  });

  it('a table without the expected columns is a query error naming the columns', () => {
    assert.throws(
      () => read(['#datatype,string,long,double', ',result,table,_value', ',,0,1']),
      (e: Error) => e instanceof InfluxQueryError && e.message.includes(',result,table,_value'),
    );
  });

  it('gives the same rows as the client library row parser for any keys and values', () => {
    const key = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !k.includes('\r') && !k.includes('\n'));
    const value = fc.double({ noNaN: true, noDefaultInfinity: true });
    const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(time, value, key), { minLength: 1, maxLength: 40 }), (samples) => {
        // Flux writes as many fraction digits as the time has (none, ms, up to ns).
        const iso = (t: number, i: number) => {
          const text = new Date(t).toISOString();
          return i % 3 === 0 ? text.replace('Z', '456789Z') : i % 3 === 1 ? text.replace('.000Z', 'Z') : text;
        };
        const lines = [...HEAD, ...samples.map(([t, v, k], i) => `,,0,${iso(t, i)},${v},${cell(k)}`)];
        const expected: SourceRow[] = [];
        stringToLines(
          lines.join('\n'),
          linesToTables({
            next(values, meta) {
              const o = meta.toObject(values);
              expected.push({
                t: Date.parse(o['_time'] as string),
                name: o['key'] as string,
                value: o['_value'] as number,
              });
            },
            error(e) {
              throw e;
            },
            complete() {},
          }),
        );
        assert.deepEqual(read(lines), expected);
      }),
      { numRuns: 300 },
    );
  });
});
