// The bridge's compute step alone (computeSnapshot, what `run` does between the query and the
// publish every cycle), on the demo's simulator data: the recent 25 h at 30 s and the long range
// (88 days at 10 min, as in bench/bridge.ts's production cycle). No InfluxDB, no HA: the query and
// publish are measured by bench/bridge.ts; this isolates the core's share of the cycle.
//   node --import tsx bench/bridge-compute.ts [--runs 15]
import { parseArgs } from 'node:util';
import { SimulatorSource } from '../bridge/demo/simulator-source.js';
import { computeSnapshot } from '../bridge/pipeline/compute-snapshot.js';
import { resolveMetricOptions } from '../src/metrics/index.js';
import { getProvider } from '../src/providers/index.js';
// @ts-expect-error plain .mjs helper
import { spread, summary, table, writeResult } from './lib/stats.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const HOUR = 3_600_000;
const now = Date.UTC(2026, 0, 28, 12);
const source = new SimulatorSource({ brand: 'thermia', historyDays: 100, fineDays: 2, now: () => now });
await source.start();
const recentWindow = 30_000;
const longWindow = 10 * 60_000;
const recent = await source.fetch({ from: now - 25 * HOUR, to: now, windowMs: recentWindow });
const long = await source.fetch({ from: now - 88 * 24 * HOUR, to: now, windowMs: longWindow });
const input = {
  now,
  recent: { series: recent.series, windowMs: recentWindow },
  long: { series: long.series, windowMs: longWindow },
  options: resolveMetricOptions({ timeZone: 'Europe/Stockholm' }),
  provider: getProvider('thermia'),
};
const count = (s: Record<string, readonly unknown[] | undefined>) =>
  Object.values(s).reduce((a, x) => a + (x?.length ?? 0), 0);

computeSnapshot(input); // warm-up
const ms: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  computeSnapshot(input);
  ms.push(performance.now() - t0);
}
const s = summary(ms);
console.log(
  table(
    ['step', 'recent samples', 'long samples', 'ms median (min-max)'],
    [['computeSnapshot', String(count(recent.series)), String(count(long.series)), spread(s)]],
  ),
);
writeResult('bridge-compute', {
  runs,
  recentSamples: count(recent.series),
  longSamples: count(long.series),
  ms: s,
});
await source.stop();
