#!/usr/bin/env node
// Where the bytes of dist/heatpump-cards.js come from: builds the bundle like rollup.config.mjs, but
// with source maps, and attributes every minified byte to the source module it came from
// (source-map-explorer's method). Prints the largest modules and a total per group.
// Usage: node bench/bundle-profile.mjs [entry] [--top N] [--json file]
import { writeFileSync, mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const entry = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'cards/index.ts';
const top = Number(flag('--top', '40'));
const jsonOut = flag('--json', undefined);
const terserOptions = flag('--terser', undefined);

// Same plugins and options as rollup.config.mjs, plus source maps (which do not change the code).
const bundle = await rollup({
  input: entry,
  onwarn: () => {},
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.cards.json', noEmit: false, sourceMap: true, inlineSources: false }),
    terser({ format: { comments: false }, ...(terserOptions ? JSON.parse(terserOptions) : {}) }),
  ],
});
const { output } = await bundle.generate({ format: 'es', sourcemap: true, inlineDynamicImports: true });
await bundle.close();
const chunk = output.find((o) => o.type === 'chunk');
const code = chunk.code;
const map = new TraceMap(chunk.map);

// Byte offsets of line starts, to turn (line, column) into a span of the output.
const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
const segments = [];
eachMapping(map, (m) => {
  segments.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? null });
});
segments.sort((a, b) => a.at - b.at);
const bytes = new Map();
for (let i = 0; i < segments.length; i++) {
  const end = i + 1 < segments.length ? segments[i + 1].at : code.length;
  const key = segments[i].source ? relative(process.cwd(), segments[i].source) : '(unmapped)';
  bytes.set(key, (bytes.get(key) ?? 0) + (end - segments[i].at));
}
const first = segments[0]?.at ?? 0;
if (first > 0) bytes.set('(unmapped)', (bytes.get('(unmapped)') ?? 0) + first);

function group(file) {
  const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  // tslib is ECharts' class helper (the cards use no decorators): it is in the reference bundle too.
  if (m) return /^(echarts|zrender|tslib)$/.test(m[1]) ? 'echarts+zrender' : m[1];
  if (file.startsWith('src/')) return file.split('/').slice(0, 2).join('/');
  if (file.startsWith('cards/')) return file.split('/').slice(0, 2).join('/');
  return file;
}
const groups = new Map();
for (const [file, n] of bytes) groups.set(group(file), (groups.get(group(file)) ?? 0) + n);
const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);

const pad = (s, n) => String(s).padStart(n);
console.log(`${entry}: ${code.length} bytes minified\n`);
console.log('group                                      bytes');
for (const [g, n] of sorted(groups)) console.log(`${g.padEnd(40)} ${pad(n, 8)}`);
console.log(`\nlargest non-echarts modules (top ${top})`);
for (const [f, n] of sorted(bytes)
  .filter(([f]) => group(f) !== 'echarts+zrender')
  .slice(0, top))
  console.log(`${f.padEnd(60)} ${pad(n, 8)}`);
if (jsonOut) {
  mkdirSync('test-results/bench', { recursive: true });
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        entry,
        total: code.length,
        groups: Object.fromEntries(sorted(groups)),
        modules: Object.fromEntries(sorted(bytes)),
      },
      null,
      2,
    ),
  );
}
