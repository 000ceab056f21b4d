// The bridge's client-side work on a Flux response, without InfluxDB: the reader that cuts rows
// out of the CSV lines (bridge/influx/flux-csv.ts) and the provider's mapping of those rows to
// series (mapRows through the row mapper), on lines shaped like the 24 h (30 s windows) and 30 d
// (5 min windows) reads of a Thermia on the husdata layout. bench/bridge.ts measures the same
// work against the real server, where the machine's load moves it by tens of percent; this is the
// controlled figure for before/after comparisons of the reader and the mapping.
//   node --import tsx bench/bridge-mapping.ts [--runs 15]
import { parseArgs } from 'node:util';
import { createFluxRowReader } from '../bridge/influx/flux-csv.js';
import type { SourceRow } from '../bridge/influx/query-plan.js';
import { providerMapper } from '../bridge/sources/row-mapper.js';
import { getProvider } from '../src/providers/index.js';
// @ts-expect-error plain .mjs helper
import { spread, summary, table, writeResult } from './lib/stats.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const provider = getProvider('thermia');
const mapper = providerMapper({ provider, restrictToKnownNames: true });
const roleOf = new Map(provider.registers.map((r) => [r.name, r.role]));

/** One response as the client hands it over: lines sliced out of one decoded text. */
function responseLines(windows: number, windowMs: number): string[] {
  const start = Date.UTC(2026, 9, 1);
  const out = [
    '#datatype,string,long,dateTime:RFC3339,double,string',
    '#group,false,false,false,false,false',
    '#default,_result,,,,',
    ',result,table,_time,_value,key',
  ];
  for (const key of mapper.knownKeys) {
    const role = roleOf.get(key) ?? '';
    for (let i = 0; i < windows; i++) {
      const time = new Date(start + i * windowMs).toISOString().replace('.000Z', 'Z');
      // Window means print with all their digits; counters (`last`) are whole; states are 0..1.
      const value = role.endsWith('_energy')
        ? String(100_000 + i)
        : ['compressor', 'valve', 'brine_pump', 'heating_pump', 'alarm_active'].includes(role)
          ? String(i % 7 === 0 ? 1 : 0)
          : String(20 + 5 * Math.sin(i / 50) + 1e-13 * i);
      out.push(`,,0,${time},${value},${key}`);
    }
  }
  return out.join('\n').split('\n');
}

const cases = [
  { label: '24 h, 30 s windows', lines: responseLines(2880, 30_000) },
  { label: '30 d, 5 min windows', lines: responseLines(8928, 300_000) },
];
const rowsOut: string[][] = [];
const results: Record<string, unknown> = {};
for (const c of cases) {
  const read: number[] = [];
  const map: number[] = [];
  let rowCount = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const reader = createFluxRowReader();
    const rows: SourceRow[] = [];
    for (const line of c.lines) {
      const row = reader.line(line);
      if (row !== undefined) rows.push(row);
    }
    const t1 = performance.now();
    mapper.map(rows);
    const t2 = performance.now();
    rowCount = rows.length;
    // The first runs compile and optimise; they are not what a running bridge pays.
    if (i >= 3) {
      read.push(t1 - t0);
      map.push(t2 - t1);
    }
  }
  const r = summary(read);
  const m = summary(map);
  rowsOut.push([c.label, String(rowCount), spread(r), spread(m), ((m.median * 1000) / rowCount).toFixed(2)]);
  results[c.label] = { rows: rowCount, readMs: r, mapMs: m };
}
console.log(table(['response', 'rows', 'read ms', 'map ms', 'map µs/row'], rowsOut));
writeResult('bridge-mapping', { runs, cases: results });
