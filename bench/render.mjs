#!/usr/bin/env node
// Rendering bench (issue 8 item 2): every chart card in headless Chromium against the floor (the same
// samples in a bare ECharts chart after a plain min/max down-sample), in the same browser and run.
// Per card and N (points per series, 7-day range): R runs, each in a fresh browser after a warm-up
// render; first render ms (card and floor, order alternated) and the part of it in the card's
// buildChart (its data work), retained heap after render; once per card at N=20k: live append of
// one state (median of 50, each repainted) and the same on the floor chart, heap after 1,000
// appends (the other 950 ten per repaint), heap after 20 create/remove cycles. Page built with
// rollup (plugins() from rollup.config.mjs).
//
// node bench/render.mjs [--runs 5] [--n 2000,20000,100000] [--cards temperature,power]
/* global window -- page.evaluate callbacks run in the browser */
import { parseArgs } from 'node:util';
import { buildBenchPage, launchChromium, serveDir } from './lib/bench-page.mjs';
import { fmt, spread, summary, table, writeResult } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '2000,20000,100000' },
    cards: { type: 'string', default: 'temperature,power,performance,runtime,valve,cop,energy-flow' },
    appends: { type: 'string', default: '1000' },
    cycles: { type: 'string', default: '20' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const NS = args.n.split(',').map(Number);
const CARDS = args.cards.split(',').map((c) => `heatpump-${c}-card`);
const OUT = 'test-results/bench';
const log = (s) => process.stderr.write(`[bench:render] ${s}\n`);

const t0 = Date.now();
if (!args['skip-build']) {
  log('building the page with rollup');
  await buildBenchPage(OUT);
}
log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const { base, server } = await serveDir(OUT);
const url = `${base}/render.html`;

async function openPage() {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined);
  const cdp = await page.context().newCDPSession(page);
  const heapMiB = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  };
  return { browser, page, heapMiB, errors };
}

const version = await (async () => {
  const b = await launchChromium();
  const v = b.version();
  await b.close();
  return v;
})();
log(`Chromium ${version}`);

const results = [];
for (const tag of CARDS) {
  for (const n of NS) {
    const card = [];
    const build = [];
    const floor = [];
    const retained = [];
    let shape;
    for (let run = 0; run < RUNS; run++) {
      const { browser, page, heapMiB, errors } = await openPage();
      try {
        // Warm-up: JIT and first-use costs of the card code and ECharts, then drop it all.
        await page.evaluate(
          async ([t]) => {
            await window.bench.renderCard(t, 2000);
            window.bench.removeCard();
            await window.bench.renderFloor(t, 2000);
          },
          [tag],
        );
        const base = await heapMiB();
        const doFloor = () => page.evaluate(([t, k]) => window.bench.renderFloor(t, k), [tag, n]);
        const doCard = () => page.evaluate(([t, k]) => window.bench.renderCard(t, k), [tag, n]);
        let c, f;
        if (run % 2 === 0) {
          f = await doFloor();
          c = await doCard();
        } else {
          c = await doCard();
          f = await doFloor();
        }
        card.push(c.ms);
        build.push(c.buildMs);
        floor.push(f.ms);
        shape = { series: c.series, points: c.points, seriesTypes: c.option };
        // The card is still on the page; the floor chart was disposed.
        retained.push((await heapMiB()) - base);
        if (errors.length) throw new Error(errors.join('\n'));
      } finally {
        await browser.close();
      }
    }
    const r = {
      card: tag,
      n,
      ...shape,
      cardMs: summary(card),
      buildMs: summary(build),
      floorMs: summary(floor),
      ratio: summary(card.map((c, i) => c / floor[i])),
      // The card without its own data work (buildChart: core metrics, down-sampling, option)
      // against the floor: what the card shell and its ECharts chart cost.
      shellRatio: summary(card.map((c, i) => (c - build[i]) / floor[i])),
      retainedMiB: summary(retained),
    };
    results.push(r);
    log(
      `${tag} n=${n}: card ${spread(r.cardMs)} ms (build ${spread(r.buildMs)}), floor ${spread(r.floorMs)} ms, ratio ${fmt(r.ratio.median, 2)}, without build ${fmt(r.shellRatio.median, 2)}, retained ${fmt(r.retainedMiB.median)} MiB`,
    );
  }
}

// Live appends and create/remove cycles, once per card at 20k points per series.
const APPEND_N = 20_000;
const churn = [];
for (const tag of CARDS) {
  const { browser, page, heapMiB, errors } = await openPage();
  try {
    await page.evaluate(
      async ([t]) => {
        await window.bench.renderCard(t, 2000);
        window.bench.removeCard();
      },
      [tag],
    );
    const base = await heapMiB();
    await page.evaluate(([t, k]) => window.bench.renderCard(t, k), [tag, APPEND_N]);
    const afterRender = await heapMiB();
    // The first 50 appends one by one (each repainted: the latency), the rest 10 per repaint.
    const appendMs = await page.evaluate(
      async ([count]) => {
        const out = [];
        for (let i = 0; i < Math.min(50, count); i++) out.push(await window.bench.appendOne(i));
        for (let i = 50; i < count; i += 10) await window.bench.appendOne(i, Math.min(10, count - i));
        return out;
      },
      [Number(args.appends)],
    );
    const afterAppends = await heapMiB();
    await page.evaluate(() => window.bench.removeCard());
    const afterRemove = await heapMiB();
    // The append floor: the same 50 single appends on a bare ECharts chart of the same samples.
    const floorAppendMs = await page.evaluate(
      async ([t, k]) => {
        await window.bench.renderFloor(t, k, true);
        const out = [];
        for (let i = 0; i < 50; i++) out.push(window.bench.appendFloor(i));
        window.bench.removeFloor();
        return out;
      },
      [tag, APPEND_N],
    );
    const cycleHeap = [];
    for (let i = 0; i < Number(args.cycles); i++) {
      await page.evaluate(
        async ([t, k]) => {
          await window.bench.renderCard(t, k);
          window.bench.removeCard();
        },
        [tag, APPEND_N],
      );
      if (i === 0 || i === Number(args.cycles) - 1) cycleHeap.push(await heapMiB());
    }
    if (errors.length) throw new Error(errors.join('\n'));
    const r = {
      card: tag,
      n: APPEND_N,
      appendMs: {
        ...summary(appendMs),
        samples: undefined,
        p95: [...appendMs].sort((a, b) => a - b)[Math.floor(appendMs.length * 0.95)],
      },
      floorAppendMs: { ...summary(floorAppendMs), samples: undefined },
      appendFirst10Ms: summary(appendMs.slice(0, 10)).median,
      appendLast10Ms: summary(appendMs.slice(-10)).median,
      heapBaseMiB: base,
      retainedAfterRenderMiB: afterRender - base,
      growthOver1000AppendsMiB: afterAppends - afterRender,
      afterRemoveMiB: afterRemove - base,
      afterCycle1MiB: cycleHeap[0] - base,
      afterCycle20MiB: cycleHeap[1] - base,
      growthOverCyclesMiB: cycleHeap[1] - cycleHeap[0],
    };
    churn.push(r);
    log(
      `${tag}: append ${fmt(r.appendMs.median, 2)} ms (floor ${fmt(r.floorAppendMs.median, 2)}; first 10 ${fmt(r.appendFirst10Ms, 2)}, last 10 ${fmt(r.appendLast10Ms, 2)}), +${fmt(r.growthOver1000AppendsMiB, 2)} MiB over appends, +${fmt(r.growthOverCyclesMiB, 2)} MiB over cycles`,
    );
  } finally {
    await browser.close();
  }
}
server.close();

console.log(
  `\nFirst render, 7-day range, N points per series (ms, median (min-max) of ${RUNS} fresh-browser runs after warm-up)`,
);
console.log(
  table(
    [
      'card',
      'N',
      'series',
      'card ms',
      'of it build',
      'floor ms',
      'card/floor',
      'without build',
      'retained MiB',
    ],
    results.map((r) => [
      r.card.replace(/^heatpump-|-card$/g, ''),
      String(r.n),
      String(r.series),
      spread(r.cardMs),
      spread(r.buildMs),
      spread(r.floorMs),
      `${fmt(r.ratio.median, 2)} (${fmt(r.ratio.min, 2)}-${fmt(r.ratio.max, 2)})`,
      fmt(r.shellRatio.median, 2),
      fmt(r.retainedMiB.median, 2),
    ]),
  ),
);
console.log(
  `\nLive append and churn at N=${APPEND_N} (heap in MiB over the page's baseline, after forced GC)`,
);
console.log(
  table(
    [
      'card',
      'append ms median',
      'floor',
      'p95',
      'first 10',
      'last 10',
      'retained',
      '+1000 appends',
      'after remove',
      'after 1 cycle',
      'after 20 cycles',
    ],
    churn.map((r) => [
      r.card.replace(/^heatpump-|-card$/g, ''),
      fmt(r.appendMs.median, 2),
      fmt(r.floorAppendMs.median, 2),
      fmt(r.appendMs.p95, 2),
      fmt(r.appendFirst10Ms, 2),
      fmt(r.appendLast10Ms, 2),
      fmt(r.retainedAfterRenderMiB, 2),
      fmt(r.growthOver1000AppendsMiB, 2),
      fmt(r.afterRemoveMiB, 2),
      fmt(r.afterCycle1MiB, 2),
      fmt(r.afterCycle20MiB, 2),
    ]),
  ),
);
writeResult('render', {
  chromium: version,
  runs: RUNS,
  widthPx: 600,
  rangeDays: 7,
  firstRender: results,
  churn,
});
