#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (bundle size first), each printing its table and writing
// bench/results/<name>.json. Benchmarks are never part of the test suite and assert nothing timed.
// node bench/run-all.mjs [--only bundle-size,render,bridge]   (extra args after `--` go to every bench)
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const BENCHES = [
  { name: 'bundle-size', argv: ['bench/bundle-size.mjs'] },
  // Node only, seconds: the core's share of a card's first render and of a bridge cycle.
  { name: 'core-metrics', argv: ['--import', 'tsx', 'bench/core-metrics.ts'] },
  { name: 'bridge-compute', argv: ['--import', 'tsx', 'bench/bridge-compute.ts'] },
  { name: 'bridge-mapping', argv: ['--import', 'tsx', 'bench/bridge-mapping.ts'] },
  // Bridge first among the long ones: it starts InfluxDB 2, InfluxDB 1 and Home Assistant and seeds a year.
  { name: 'bridge', argv: ['--import', 'tsx', 'bench/bridge.ts'] },
  { name: 'render', argv: ['bench/render.mjs'] },
];

const { values, positionals } = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: true });
const only = values.only ? new Set(values.only.split(',')) : undefined;
let failed = 0;
for (const b of BENCHES) {
  if (only && !only.has(b.name)) continue;
  console.log(`\n=== bench ${b.name}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [...b.argv, ...positionals], { stdio: 'inherit' });
  console.log(
    `=== bench ${b.name}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
