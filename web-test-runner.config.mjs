// Card tests in Debian's headless Chromium (no browser download: the machine has no internet).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/test/wtr-counting-reporter.mjs';

const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executablePath) throw new Error('Chromium not found: run scripts/services/chromium.sh install');

export default {
  files: ['test/cards/**/*.test.ts'],
  nodeResolve: { browser: true },
  concurrency: 2,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.test.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          // Heap tests force a GC and read exact heap sizes.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
  // ECharts' lib/ code reads process.env.NODE_ENV, which a browser does not have.
  testRunnerHtml: (testFramework) => `<html><head>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), countingReporter('test-results/wtr-summary.json')],
};
