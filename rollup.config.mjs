// One ES module for HACS. @rollup/plugin-typescript (not esbuild) keeps node-resolve in charge of
// module resolution, so echarts' package.json `sideEffects: false` is honoured and unused charts
// are tree-shaken away (see docs/PERFORMANCE.md).
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const production = process.env.NODE_ENV !== 'development';

export default {
  input: 'cards/index.ts',
  output: {
    file: 'dist/heatpump-cards.js',
    format: 'es',
    sourcemap: false,
    inlineDynamicImports: true,
  },
  plugins: [
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    }),
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.cards.json', noEmit: false, sourceMap: false }),
    production && terser({ format: { comments: false } }),
  ],
};
