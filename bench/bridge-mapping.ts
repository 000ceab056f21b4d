// The bridge's client-side work on a Flux response, without InfluxDB: the line splitter and the
// reader that reads points out of the CSV lines (bridge/influx/csv-lines.ts, flux-points.ts), fed
// the answer's bytes in 64 KiB chunks as HTTP delivers them, and the provider's mapping of those
// points to series (mapPoints through the row mapper), on answers shaped like the 24 h (30 s
// windows), 30 d (5 min windows) and 365 d (30 min windows) reads of a Thermia on the husdata
// layout. bench/bridge.ts measures the same
// work against the real server, where the machine's load moves it by tens of percent; this is the
// controlled figure for before/after comparisons of the reader and the mapping.
//   node --import tsx bench/bridge-mapping.ts [--runs 15]
import { parseArgs } from 'node:util';
import { createCsvLineSplitter } from '../bridge/influx/csv-lines.js';
import { createFluxPointReader } from '../bridge/influx/flux-points.js';
import { pointCount } from '../bridge/influx/keyed-points.js';
import { providerMapper } from '../bridge/sources/row-mapper.js';
import { getProvider } from '../src/providers/index.js';
// @ts-expect-error plain .mjs helper
import { spread, summary, table, writeResult } from './lib/stats.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const provider = getProvider('thermia');
const mapper = providerMapper({ provider, restrictToKnownNames: true });
const roleOf = new Map(provider.registers.map((r) => [r.name, r.role]));

/** One response as the server sends it: a table per key, in 64 KiB chunks. */
function response(windows: number, windowMs: number): Uint8Array[] {
  const start = Date.UTC(2026, 9, 1);
  const head = [
    '#datatype,string,long,dateTime:RFC3339,double,string',
    '#group,false,false,false,false,false',
    '#default,_result,,,,',
    ',result,table,_time,_value,key',
  ];
  const out: string[] = [];
  for (const [table, key] of mapper.knownKeys.entries()) {
    const role = roleOf.get(key) ?? '';
    out.push(...head);
    for (let i = 0; i < windows; i++) {
      const time = new Date(start + i * windowMs).toISOString().replace('.000Z', 'Z');
      // Window means print with all their digits; counters (`last`) are whole; states are 0..1.
      const value = role.endsWith('_energy')
        ? String(100_000 + i)
        : ['compressor', 'valve', 'brine_pump', 'heating_pump', 'alarm_active'].includes(role)
          ? String(i % 7 === 0 ? 1 : 0)
          : String(20 + 5 * Math.sin(i / 50) + 1e-13 * i);
      out.push(`,,${table},${time},${value},${key}`);
    }
    out.push('');
  }
  const bytes = new TextEncoder().encode(out.join('\r\n') + '\r\n');
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
  return chunks;
}

const cases = [
  { label: '24 h, 30 s windows', chunks: response(2880, 30_000) },
  { label: '30 d, 5 min windows', chunks: response(8928, 300_000) },
  { label: '365 d, 30 min windows', chunks: response(17_520, 1_800_000) },
];
const rowsOut: string[][] = [];
const results: Record<string, unknown> = {};
for (const c of cases) {
  const read: number[] = [];
  const map: number[] = [];
  let rowCount = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const reader = createFluxPointReader();
    const lines = createCsvLineSplitter(reader.line);
    for (const chunk of c.chunks) lines.push(chunk);
    lines.end();
    const runs = reader.take();
    const t1 = performance.now();
    const mapping = mapper.start();
    mapping.add(runs);
    mapping.finish();
    const t2 = performance.now();
    rowCount = pointCount(runs);
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
