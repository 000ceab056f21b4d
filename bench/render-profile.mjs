#!/usr/bin/env node
// Where the card render time goes: a CPU profile (CDP Profiler) of one card's first render and of
// 20 live appends, from an unminified build of the bench page, aggregated by function (self time).
// node bench/render-profile.mjs [--card temperature] [--n 20000]
/* global window -- page.evaluate callbacks run in the browser */
import { parseArgs } from 'node:util';
import { buildBenchPage, launchChromium, serveDir } from './lib/bench-page.mjs';
import { fmt, table, writeResult } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    card: { type: 'string', default: 'temperature,cop' },
    n: { type: 'string', default: '20000' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const OUT = 'test-results/bench';
// Unminified (development NODE_ENV also drops terser) so the profile names real functions.
if (!args['skip-build']) await buildBenchPage(`${OUT}/profile`, { dev: true });
const { base, server } = await serveDir(`${OUT}/profile`);

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15) };
}

const out = {};
for (const card of args.card.split(',')) {
  const tag = `heatpump-${card}-card`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${base}/render.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(
    async ([t]) => {
      await window.bench.renderCard(t, 2000);
      window.bench.removeCard();
    },
    [tag],
  );
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const phase of ['first render', '20 appends']) {
    await cdp.send('Profiler.start');
    if (phase === 'first render')
      await page.evaluate(([t, n]) => window.bench.renderCard(t, n), [tag, Number(args.n)]);
    else
      await page.evaluate(async () => {
        for (let i = 0; i < 20; i++) await window.bench.appendOne(i);
      });
    const { profile } = await cdp.send('Profiler.stop');
    const s = selfTimes(profile);
    out[`${card} ${phase}`] = s;
    console.log(`\n${card}, N=${args.n}, ${phase}: ${fmt(s.total)} ms sampled; top self time`);
    console.log(
      table(
        ['function', 'self ms', '%'],
        s.top.map(([k, v]) => [k.slice(0, 90), fmt(v), fmt((100 * v) / s.total)]),
      ),
    );
  }
  await browser.close();
}
server.close();
writeResult('render-profile', { n: Number(args.n), profiles: out });
