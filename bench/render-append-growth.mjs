#!/usr/bin/env node
// Is the heap growth over live appends linear (a leak) or a one-off? Heap after forced GC at
// 0, 250, 500, 1000, 2000 appends (ten per repaint; `--targets` for others) for one card at 20k
// points per series. With --step 30000 and targets past 20,160 (7 days of 30 s states) the window
// has slid over its whole length.
// node bench/render-append-growth.mjs [--card valve] [--step 30000] [--targets 5000,10000,20000,30000]
/* global window -- page.evaluate callbacks run in the browser */
import { parseArgs } from 'node:util';
import { buildBenchPage, launchChromium, serveDir } from './lib/bench-page.mjs';
import { fmt, table, writeResult } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    card: { type: 'string', default: 'valve,temperature' },
    // ms between live states; 30000 = the rate of 20k samples over 7 days, so the window slides.
    step: { type: 'string', default: '0' },
    targets: { type: 'string', default: '250,500,1000,2000' },
  },
});
const OUT = 'test-results/bench';
await buildBenchPage(OUT);
const { base, server } = await serveDir(OUT);
const result = {};
for (const card of args.card.split(',')) {
  const tag = `heatpump-${card}-card`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${base}/render.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  await page.evaluate(([step]) => (window.bench.stepMs = step), [Number(args.step)]);
  await page.evaluate(([t]) => window.bench.renderCard(t, 20000), [tag]);
  const points = [[0, await heap()]];
  let done = 0;
  for (const target of args.targets.split(',').map(Number)) {
    await page.evaluate(
      async ([from, to]) => {
        for (let i = from; i < to; i += 10) await window.bench.appendOne(i, 10);
      },
      [done, target],
    );
    done = target;
    points.push([target, await heap()]);
  }
  await browser.close();
  result[card] = points;
  console.log(`\n${card}: heap (MiB) after N appends`);
  console.log(
    table(
      ['appends', 'heap MiB', 'vs 0'],
      points.map(([n, h]) => [String(n), fmt(h, 2), fmt(h - points[0][1], 2)]),
    ),
  );
}
server.close();
// The sliding run gets its own file so the original (step 0) result stays comparable.
writeResult(Number(args.step) > 0 ? 'render-append-growth-sliding' : 'render-append-growth', {
  n: 20000,
  stepMs: Number(args.step),
  heapMiBAfterAppends: result,
});
