// Two ES modules: the HACS card bundle, and the standalone dashboard page served by the bridge.
// @rollup/plugin-typescript (not esbuild) keeps node-resolve in charge of module resolution, so
// echarts' package.json `sideEffects: false` is honoured and unused charts are tree-shaken away
// (see docs/PERFORMANCE.md).
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const production = process.env.NODE_ENV !== 'development';

/** Fresh plugin instances per build: rollup plugins keep per-build state. */
export function plugins() {
  return [
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    }),
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.cards.json', noEmit: false, sourceMap: false }),
    production && terser({ format: { comments: false } }),
  ];
}

function bundle(input, file) {
  return {
    input,
    output: { file, format: 'es', sourcemap: false, inlineDynamicImports: true },
    plugins: plugins(),
  };
}

export default [
  bundle('cards/index.ts', 'dist/heatpump-cards.js'),
  bundle('cards/standalone/index.ts', 'dist/heatpump-dashboard.js'),
];
