import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureCore = {
  regex: '^(node:.*|fs|path|lit(/.*)?|echarts(/.*)?)$',
  message: 'src/ is pure: no I/O, DOM or UI imports',
};
const echartsOutsideHost = {
  regex: '^echarts(/.*)?$',
  message: 'import ECharts from cards/echarts/ only (tree-shaking)',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['cards/**/*.ts', 'test/cards/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    files: ['cards/**/*.ts'],
    ignores: ['cards/echarts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [echartsOutsideHost] }] },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [pureCore] }] } },
);
