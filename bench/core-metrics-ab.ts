// Before/after of the cards' core work in one process: each card's work (as bench/core-metrics.ts
// runs it) from two source trees, alternated run by run so both see the same machine moment. The
// other tree is a git worktree of the commit to compare with:
//   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   node --import tsx bench/core-metrics-ab.ts --before /tmp/before [--runs 11] [--n 20000,100000]
// "together": the bench's roles share their timestamps; "apart": each role is logged at its own
// times (as Home Assistant records entities), which gives the ledger up to one segment per sample
// of every role. Nothing is asserted; medians are printed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dropRepeats } from '../cards/data/drop-repeats.js';
import { HA_STALE_MS } from '../cards/data/hold-time.js';
import { copCardConfig } from '../cards/cop/cop-card-config.js';
import { energyFlowCardConfig } from '../cards/energy-flow/energy-flow-card-config.js';
import { kpiCardConfig } from '../cards/kpi/kpi-card-config.js';
import { performanceCardConfig } from '../cards/performance/performance-card-config.js';
import { HEAT_ESTIMATE_ROLES } from '../cards/power/power-card-config.js';
import type { TimedSample } from '../cards/data/data-source.js';
import type * as cardMetrics from '../cards/data/card-metrics.js';
import type * as coreSeries from '../cards/data/core-series.js';
// @ts-expect-error plain .mjs helper, shared with the browser page
import { makeAll, RANGE_MS } from './lib/synthetic-card-data.mjs';
// @ts-expect-error plain .mjs helper
import { table, writeResult } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    runs: { type: 'string', default: '11' },
    n: { type: 'string', default: '20000,100000' },
  },
});
if (!values.before) throw new Error('--before <directory of the other source tree> is required');

type Tree = { m: typeof cardMetrics; c: typeof coreSeries };
const load = async (root: string): Promise<Tree> => ({
  m: await import(resolve(root, 'cards/data/card-metrics.ts')),
  c: await import(resolve(root, 'cards/data/core-series.ts')),
});
const trees = { before: await load(values.before), after: await load('.') };
const to = Date.UTC(2026, 0, 15);
const from = to - RANGE_MS;
type Samples = Record<string, TimedSample[]>;
const cases: Record<string, { roles: readonly string[]; run: (t: Tree, s: Samples) => unknown }> = {
  cop: {
    roles: copCardConfig.roles,
    run: (t, s) => t.m.copView(t.c.toCoreSeries(s), { from, to, bucketMs: 3_600_000 }),
  },
  'power (heat estimate)': {
    roles: ['electrical_power', ...HEAT_ESTIMATE_ROLES],
    run: (t, s) => t.m.heatPowerView(t.c.toCoreSeries(s), { from, to }),
  },
  performance: {
    roles: performanceCardConfig.roles,
    run: (t, s) => t.m.deltaTView(t.c.toCoreSeries(s), { from, to }),
  },
  'energy-flow': {
    roles: energyFlowCardConfig.roles,
    run: (t, s) => t.m.energyFlowView(t.c.toCoreSeries(s), { from, to }),
  },
  kpi: {
    roles: kpiCardConfig.roles,
    run: (t, s) => t.m.kpiFigures(t.c.toCoreSeries(s), { from, to, now: to }),
  },
};

const runs = Number(values.runs);
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] as number;
const rows: string[][] = [];
const results: unknown[] = [];
for (const logging of ['together', 'apart'] as const)
  for (const n of values.n.split(',').map(Number))
    for (const [name, c] of Object.entries(cases)) {
      const step = RANGE_MS / n;
      const raw = makeAll(c.roles, n, from, to) as Samples;
      // Apart: role k's samples shifted by k/(roles+1) of a step, so no two roles share a time.
      const samples = Object.fromEntries(
        Object.entries(raw).map(([role, list], k) => {
          const shift = logging === 'apart' ? Math.round((k * step) / (c.roles.length + 1)) : 0;
          return [
            role,
            dropRepeats(
              list.map((x) => ({ t: x.t + shift, v: x.v })),
              HA_STALE_MS,
            ),
          ];
        }),
      );
      const ms = { before: [] as number[], after: [] as number[] };
      for (const k of ['before', 'after'] as const) c.run(trees[k], samples); // warm-up
      for (let i = 0; i < runs; i++)
        for (const k of i % 2 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
          const t0 = performance.now();
          c.run(trees[k], samples);
          ms[k].push(performance.now() - t0);
        }
      const before = median(ms.before);
      const after = median(ms.after);
      rows.push([logging, String(n), name, before.toFixed(1), after.toFixed(1), (before / after).toFixed(2)]);
      results.push({ logging, n, card: name, beforeMs: before, afterMs: after });
    }
console.log(
  table(['logging', 'N / series', 'card core work', 'before ms', 'after ms', 'before / after'], rows),
);
writeResult('core-metrics-ab', { runs, before: values.before, results });
