// The core metrics the cards compute over their loaded window, timed in Node on the render
// bench's synthetic data (same generator and seed as bench/render/page.js): what a first render of
// the cop / power / performance / runtime / energy-flow / kpi card costs before ECharts sees a
// point. Not part of the tests; nothing is asserted.
//   node --import tsx bench/core-metrics.ts [--n 2000,20000,100000] [--runs 7] [--profile]
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import * as cardMetrics from '../cards/data/card-metrics.js';
import * as coreSeries from '../cards/data/core-series.js';
import { dropRepeats } from '../cards/data/drop-repeats.js';
import { HA_STALE_MS } from '../cards/data/hold-time.js';
import type { RoleSamples } from '../cards/data/load-series.js';
import { cardCoreCases } from './lib/card-core-cases.js';
// @ts-expect-error plain .mjs helper, shared with the browser page
import { makeAll, RANGE_MS } from './lib/synthetic-card-data.mjs';
// @ts-expect-error plain .mjs helper
import { spread, summary, table, writeResult } from './lib/stats.mjs';

const CASES = cardCoreCases({ m: cardMetrics, c: coreSeries });

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000,20000,100000' },
    runs: { type: 'string', default: '7' },
    cases: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const sizes = values.n.split(',').map(Number);
const runs = Number(values.runs);
const only = values.cases ? new Set(values.cases.split(',')) : undefined;
const to = Date.UTC(2026, 0, 15);
const from = to - RANGE_MS;

const session = values.profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}

const rows: string[][] = [];
const results: unknown[] = [];
for (const [name, c] of Object.entries(CASES)) {
  if (only && !only.has(name)) continue;
  for (const n of sizes) {
    // As the card holds them after its load (loadRoleSamples): repeats within the hold time dropped.
    const samples = Object.fromEntries(
      Object.entries(makeAll(c.roles, n, from, to) as RoleSamples).map(([role, list]) => [
        role,
        dropRepeats(list ?? [], HA_STALE_MS),
      ]),
    ) as RoleSamples;
    c.run(samples, from, to); // warm-up: JIT and caches, as the browser page's warm-up render
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      c.run(samples, from, to);
      ms.push(performance.now() - t0);
    }
    const s = summary(ms);
    rows.push([name, String(n), String(c.roles.length), spread(s)]);
    results.push({ card: name, n, series: c.roles.length, ms: s });
  }
}

console.log(table(['card core work', 'N / series', 'series', 'ms median (min-max)'], rows));
writeResult('core-metrics', { runs, results });
if (session) {
  const { profile } = await session.post('Profiler.stop');
  mkdirSync('test-results/bench', { recursive: true });
  writeFileSync('test-results/bench/core-metrics.cpuprofile', JSON.stringify(profile));
  console.log('CPU profile: test-results/bench/core-metrics.cpuprofile');
}
