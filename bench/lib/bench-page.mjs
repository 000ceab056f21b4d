// What the browser benches share: the bench page (bench/render/page.js bundled by rollup with the
// cards' own plugins), a static server for it, and a headless Chromium able to force GC
// (--expose-gc) for heap figures.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--js-flags=--expose-gc',
];

/** Serves the files of `dir` on a free localhost port; resolves with the base URL and the server. */
export async function serveDir(dir) {
  const server = createServer((req, res) => {
    try {
      const path = join(dir, new URL(req.url, 'http://x').pathname);
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, server };
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Bundles the bench page into `dir` (render-page.js + render.html). `dev`: unminified, with
 * development NODE_ENV, so CPU profiles name real functions.
 */
export async function buildBenchPage(dir, { dev = false } = {}) {
  mkdirSync(dir, { recursive: true });
  if (dev) process.env.NODE_ENV = 'development';
  // The query string gives the dev build its own module instance (the config reads NODE_ENV once).
  const { plugins } = await import(`../../rollup.config.mjs${dev ? '?dev' : ''}`);
  const bundle = await rollup({ input: 'bench/render/page.js', plugins: plugins(), onwarn: () => {} });
  await bundle.write({ file: join(dir, 'render-page.js'), format: 'es', inlineDynamicImports: true });
  await bundle.close();
  writeFileSync(
    join(dir, 'render.html'),
    '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:sans-serif}</style></head>' +
      '<body><div id="stage"></div><script type="module" src="render-page.js"></script></body></html>',
  );
}
