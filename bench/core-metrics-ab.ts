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
import type { RoleSamples } from '../cards/data/load-series.js';
import { cardCoreCases, type CardCore } from './lib/card-core-cases.js';
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

const load = async (root: string): Promise<CardCore> => ({
  m: await import(resolve(root, 'cards/data/card-metrics.ts')),
  c: await import(resolve(root, 'cards/data/core-series.ts')),
});
const cases = { before: cardCoreCases(await load(values.before)), after: cardCoreCases(await load('.')) };
const to = Date.UTC(2026, 0, 15);
const from = to - RANGE_MS;

const runs = Number(values.runs);
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] as number;
const rows: string[][] = [];
const results: unknown[] = [];
for (const logging of ['together', 'apart'] as const)
  for (const n of values.n.split(',').map(Number))
    for (const [name, c] of Object.entries(cases.after)) {
      const before = cases.before[name];
      if (!before) continue; // a card the other tree has no case for
      const step = RANGE_MS / n;
      const raw = makeAll(c.roles, n, from, to) as RoleSamples;
      // Apart: role k's samples shifted by k/(roles+1) of a step, so no two roles share a time.
      const samples: RoleSamples = Object.fromEntries(
        Object.entries(raw).map(([role, list = []], k) => {
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
      const run = { before, after: c };
      const ms = { before: [] as number[], after: [] as number[] };
      for (const k of ['before', 'after'] as const) run[k].run(samples, from, to); // warm-up
      for (let i = 0; i < runs; i++)
        for (const k of i % 2 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
          const t0 = performance.now();
          run[k].run(samples, from, to);
          ms[k].push(performance.now() - t0);
        }
      const beforeMs = median(ms.before);
      const afterMs = median(ms.after);
      rows.push([
        logging,
        String(n),
        name,
        beforeMs.toFixed(1),
        afterMs.toFixed(1),
        (beforeMs / afterMs).toFixed(2),
      ]);
      results.push({ logging, n, card: name, beforeMs, afterMs });
    }
console.log(
  table(['logging', 'N / series', 'card core work', 'before ms', 'after ms', 'before / after'], rows),
);
writeResult('core-metrics-ab', { runs, before: values.before, results });
