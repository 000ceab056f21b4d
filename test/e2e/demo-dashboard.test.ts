import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { runDemo } from '../../bridge/demo/run-demo.js';
import type { RunningDemo } from '../../bridge/demo/run-demo.js';
import { CHROMIUM, ensureDashboardBundle, freePort } from './demo-harness.js';

const CARD_TAGS = [
  'heatpump-kpi-card',
  'heatpump-cop-card',
  'heatpump-runtime-card',
  'heatpump-temperature-card',
  'heatpump-performance-card',
  'heatpump-power-card',
  'heatpump-valve-card',
  'heatpump-energy-flow-card',
];

let demo: RunningDemo;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  if (!CHROMIUM) throw new Error('Chromium not found: run scripts/services/chromium.sh install');
  const bundlePath = await ensureDashboardBundle();
  demo = await runDemo({ port: await freePort(), historyDays: 40, updateIntervalSeconds: 2, bundlePath });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 2200 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(demo.url);
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Names and first timestamps of a card's chart series (read from its ECharts instance). */
function chartSeries(tag: string): Promise<Array<{ name: string; points: number; first: number | null }>> {
  return page.evaluate((t) => {
    const card = document.querySelector(t);
    const host = card?.shadowRoot?.querySelector('hp-chart') as
      (HTMLElement & { chart?: { getOption(): unknown } }) | null;
    const option = host?.chart?.getOption() as
      { series?: Array<{ name?: string; data?: unknown[] | Float64Array }> } | undefined;
    return (option?.series ?? []).map((s) => {
      // Line series are flat typed arrays [t0, v0, t1, v1, …] (cards/options/common.ts xyLine).
      if (s.data instanceof Float64Array) {
        const flat = s.data;
        return { name: String(s.name ?? ''), points: flat.length / 2, first: flat.length ? flat[0]! : null };
      }
      const d = s.data?.[0] as unknown;
      const t0 = Array.isArray(d)
        ? Number(d[0])
        : typeof d === 'object' && d !== null && 'value' in d
          ? Number((d as { value: unknown[] }).value[0])
          : null;
      return { name: String(s.name ?? ''), points: s.data?.length ?? 0, first: t0 };
    });
  }, tag);
}

test('the demo page loads, connects and shows every card drawn', async () => {
  await page.waitForSelector('#connection[data-state="connected"]', { timeout: 30_000 });
  assert.equal(await page.textContent('#connection'), 'Connected');
  const tags = await page.$$eval('#cards > *', (els) => els.map((e) => e.tagName.toLowerCase()));
  assert.deepEqual(tags, CARD_TAGS);
  for (const tag of CARD_TAGS.filter((t) => t !== 'heatpump-kpi-card')) {
    await page.waitForFunction(
      (t) =>
        !!document
          .querySelector(t)
          ?.shadowRoot?.querySelector('hp-chart')
          ?.shadowRoot?.querySelector('canvas'),
      tag,
      {
        timeout: 30_000,
      },
    );
    const series = await chartSeries(tag);
    assert.ok(
      series.some((s) => s.points > 0),
      `${tag} draws data`,
    );
  }
  const tiles = await page.$$eval(
    'heatpump-kpi-card',
    (els) => els[0]?.shadowRoot?.querySelectorAll('.tile').length ?? 0,
  );
  assert.ok(tiles >= 6, `${tiles} KPI tiles`);
  assert.match((await page.textContent('#brand')) ?? '', /Thermia · simulator/);
  assert.ok((await page.$$('#events li')).length > 0, 'events listed');
  assert.deepEqual(pageErrors, []);
});

test('graph_update messages arrive over the WebSocket every interval', async () => {
  const before = Number(await page.getAttribute('body', 'data-updates'));
  await page.waitForFunction((n) => Number(document.body.dataset.updates) >= n + 2, before, {
    timeout: 20_000,
  });
  assert.equal(await page.getAttribute('body', 'data-time-range'), '24h');
});

test('choosing 7 d in a card header changes the range on the server and the data in every card', async () => {
  const tempBefore = await chartSeries('heatpump-temperature-card');
  const outdoorBefore = tempBefore.find((s) => s.name === 'Outdoor');
  await page.evaluate(() => {
    const button = document
      .querySelector('heatpump-temperature-card')
      ?.shadowRoot?.querySelector('button[data-range="7d"]') as HTMLButtonElement | null;
    button?.click();
  });
  // The page sent change_time_range; the server answers with a 7 d graph_update.
  await page.waitForFunction(() => document.body.dataset.timeRange === '7d', undefined, { timeout: 20_000 });
  await page.waitForFunction(
    (first) => {
      const host = document
        .querySelector('heatpump-temperature-card')
        ?.shadowRoot?.querySelector('hp-chart') as
        | (HTMLElement & {
            chart?: { getOption(): { series: Array<{ name: string; data: Float64Array }> } };
          })
        | null;
      const outdoor = host?.chart?.getOption().series.find((s) => s.name === 'Outdoor');
      // Flat [t0, v0, …]: the first time is element 0.
      return outdoor !== undefined && outdoor.data.length > 0 && outdoor.data[0]! < first - 5 * 86_400_000;
    },
    outdoorBefore?.first ?? Date.now(),
    { timeout: 30_000 },
  );
  // The other cards follow the shared range.
  const pressed = await page.$$eval('#cards > *', (els) =>
    els.map((e) => e.shadowRoot?.querySelector('button[aria-pressed="true"]')?.getAttribute('data-range')),
  );
  assert.ok(
    pressed.every((r) => r === '7d'),
    JSON.stringify(pressed),
  );
});

test('the indicator shows disconnected when the server stops and connected again after restart', async () => {
  const updates = Number(await page.getAttribute('body', 'data-updates'));
  await demo.server.stop();
  await page.waitForSelector('#connection[data-state="disconnected"]', { timeout: 15_000 });
  assert.match((await page.textContent('#connection')) ?? '', /Disconnected/);
  await demo.server.start();
  await page.waitForSelector('#connection[data-state="connected"]', { timeout: 40_000 });
  // Data flows again, still for the range this page chose.
  await page.waitForFunction((n) => Number(document.body.dataset.updates) > n, updates, { timeout: 20_000 });
  await page.waitForFunction(() => document.body.dataset.timeRange === '7d', undefined, { timeout: 20_000 });
  assert.deepEqual(pageErrors, []);
});
