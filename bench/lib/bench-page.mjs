// What the browser benches share: a static server for the page bench/render.mjs built, and a
// headless Chromium able to force GC (--expose-gc) for heap figures.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

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
