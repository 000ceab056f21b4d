#!/usr/bin/env node
// Experiment: how terser options change the cards bundle and the ECharts reference, and so the
// budget ratio. Bundles once without minification (same plugins as rollup.config.mjs otherwise),
// then minifies both with each variant. Usage: node bench/bundle-terser.mjs
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { plugins } from '../rollup.config.mjs';

async function unminified(input) {
  const withoutTerser = plugins().filter((p) => p && p.name !== 'terser');
  const bundle = await rollup({ input, plugins: withoutTerser, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return output[0].code;
}

// The first variant is what @rollup/plugin-terser does for format 'es' with rollup.config.mjs.
const VARIANTS = {
  current: { module: true, format: { comments: false } },
  'passes 2': { module: true, compress: { passes: 2 }, format: { comments: false } },
  'ecma 2020': { module: true, ecma: 2020, format: { comments: false } },
  'ecma 2020, passes 2': { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
  'ecma 2020, passes 3, unsafe_arrows, pure_getters': {
    module: true,
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    format: { comments: false },
  },
};

const cardsCode = await unminified('cards/index.ts');
const referenceCode = await unminified('bench/reference/echarts-only.ts');
console.log(
  'variant                                         cards raw   ref raw   ratio  ours(raw)  gzip ratio',
);
const results = [];
for (const [name, options] of Object.entries(VARIANTS)) {
  const cards = (await minify(cardsCode, options)).code;
  const reference = (await minify(referenceCode, options)).code;
  const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
  const row = {
    name,
    cards: cards.length,
    reference: reference.length,
    ratio: cards.length / reference.length,
    ours: cards.length - reference.length,
    gzipRatio: gz(cards) / gz(reference),
  };
  results.push(row);
  console.log(
    `${name.padEnd(46)} ${String(row.cards).padStart(9)} ${String(row.reference).padStart(9)} ${row.ratio.toFixed(4)} ${String(row.ours).padStart(9)}  ${row.gzipRatio.toFixed(4)}`,
  );
}
