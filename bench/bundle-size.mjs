#!/usr/bin/env node
// Bundle budget (DESIGN.md section 10, issue 8): dist/heatpump-cards.js against a reference bundle of
// only the ECharts pieces the cards register, built with the same rollup + terser settings.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';

async function build(input, file) {
  const bundle = await rollup({ input, plugins: plugins(), onwarn: () => {} });
  await bundle.write({ file, format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const cards = await build('cards/index.ts', 'test-results/bench/heatpump-cards.js');
const reference = await build('bench/reference/echarts-only.ts', 'test-results/bench/echarts-only.js');
const ratio = { raw: cards.raw / reference.raw, gzip: cards.gzip / reference.gzip };
const budget = 1.07;
const result = {
  date: new Date().toISOString(),
  cards,
  reference,
  ratio,
  budget,
  withinBudget: ratio.raw <= budget,
};

console.log('bundle                raw bytes   gzip bytes');
console.log(`heatpump-cards.js  ${String(cards.raw).padStart(12)} ${String(cards.gzip).padStart(12)}`);
console.log(
  `echarts reference  ${String(reference.raw).padStart(12)} ${String(reference.gzip).padStart(12)}`,
);
console.log(
  `ratio              ${ratio.raw.toFixed(3).padStart(12)} ${ratio.gzip.toFixed(3).padStart(12)}   budget <= ${budget}`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bundle-size.json', JSON.stringify(result, null, 2) + '\n');
