#!/usr/bin/env node
// Runs every test layer and prints one total line: "N passed, N failed, N skipped".
// Usage: node scripts/test/run-all.mjs [--layers checks,unit,cards,integration,e2e] [--no-provision]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALL_LAYERS = ['checks', 'unit', 'cards', 'integration', 'e2e'];
const SERVICE_LAYERS = new Set(['cards', 'integration', 'e2e']);
const args = process.argv.slice(2);
const layerArg = args.includes('--layers') ? args[args.indexOf('--layers') + 1] : undefined;
const layers = layerArg ? layerArg.split(',') : ALL_LAYERS;
const provision = !args.includes('--no-provision') && layers.some((l) => SERVICE_LAYERS.has(l));
const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

function run(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', ...opts });
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000 }));
  });
}

function findTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** Node's TAP reporter ends with "# pass N", "# fail N", "# skipped N", "# cancelled N". */
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const read = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    passed: read('pass'),
    failed: read('fail') + read('cancelled'),
    skipped: read('skipped') + read('todo'),
  };
}

async function nodeLayer(name, dirs, extra = []) {
  const files = dirs.flatMap((d) => findTests(d, '.test.ts'));
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const tap = join(RESULTS, `${name}.tap`);
  rmSync(tap, { force: true });
  const { code, seconds } = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    ...extra,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const counts = tapCounts(tap);
  // A crash before any test reported must still count as a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { ...counts, seconds };
}

const layerRunners = {
  async checks() {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const script of ['typecheck', 'lint']) {
      const { code } = await run('npm', ['run', '--silent', script]);
      if (code === 0) counts.passed += 1;
      else counts.failed += 1;
    }
    return counts;
  },
  unit: () => nodeLayer('unit', ['test/src', 'test/bridge']),
  async cards() {
    const summary = join(RESULTS, 'wtr-summary.json');
    rmSync(summary, { force: true });
    const { code, seconds } = await run('npx', ['wtr', '--config', 'web-test-runner.config.mjs']);
    const counts = existsSync(summary)
      ? JSON.parse(readFileSync(summary, 'utf8'))
      : { passed: 0, failed: 0, skipped: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return { ...counts, seconds };
  },
  // Real services are heavy on 2 cores: one test file at a time.
  integration: () => nodeLayer('integration', ['test/integration'], ['--test-concurrency=1']),
  e2e: () => nodeLayer('e2e', ['test/e2e'], ['--test-concurrency=1']),
};

const started = Date.now();
const rows = [];
if (provision) {
  const { code, seconds } = await run('bash', ['scripts/services/provision.sh']);
  rows.push({
    layer: 'provision',
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds,
  });
}
if (layers.includes('e2e') || layers.includes('integration')) await run('npm', ['run', '--silent', 'build']);
for (const layer of layers) {
  const runner = layerRunners[layer];
  if (!runner) throw new Error(`unknown layer "${layer}" (known: ${ALL_LAYERS.join(', ')})`);
  console.log(`\n=== layer: ${layer} ===`);
  rows.push({ layer, ...(await runner()) });
}

const total = rows.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nlayer         passed  failed  skipped  seconds');
for (const r of rows) {
  console.log(
    `${r.layer.padEnd(13)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${r.seconds?.toFixed(1) ?? '-'}${r.note ? `  (${r.note})` : ''}`,
  );
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
