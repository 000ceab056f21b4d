#!/usr/bin/env node
// Whole-card screenshots for the README: docs/screenshots/cards/<card>.png in HA's light theme and
// <card>-dark.png for one card in its dark theme. Builds the real bundle (rollup.config.mjs plugins),
// opens it in Debian's headless Chromium with a fake `hass` answering from the synthetic recording
// (test/cards/fixtures/ha-recording.json), animations off (prefers-reduced-motion), and screenshots
// each card element as HA would frame it.
// Usage: node test/cards/screenshots/take-screenshots.mjs [--out <dir>] [--only <card-tag>] [--fast]
/* global window */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import ts from 'typescript';
import { plugins } from '../../../rollup.config.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outDir = option('--out', 'docs/screenshots/cards');
const only = option('--only', undefined);
// --fast: no minification, for iterating on the pictures (the drawing is the same).
const fast = args.includes('--fast');

/** Card and frame width; the temperature card reads better a little wider. */
const CARDS = [
  { tag: 'heatpump-kpi-card', width: 560 },
  { tag: 'heatpump-cop-card', width: 560 },
  { tag: 'heatpump-runtime-card', width: 420 },
  { tag: 'heatpump-temperature-card', width: 640 },
  { tag: 'heatpump-performance-card', width: 560 },
  { tag: 'heatpump-power-card', width: 560 },
  { tag: 'heatpump-valve-card', width: 560 },
  { tag: 'heatpump-energy-flow-card', width: 560 },
];
const DARK = ['heatpump-temperature-card'];
/** Extra pictures: the power card of a pump without a heat meter (flow-factor estimate). */
const VARIANTS = [
  {
    tag: 'heatpump-power-card',
    width: 560,
    name: 'power-card-estimated',
    drop: ['sensor.heatpump_heat_power'],
  },
];

const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executablePath) throw new Error('Chromium not found: run scripts/services/chromium.sh install');

async function buildBundle() {
  const used = plugins().filter((p) => p && !(fast && p.name === 'terser'));
  const bundle = await rollup({ input: 'cards/index.ts', plugins: used, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return output[0].code;
}

function fakeHassModule() {
  const source = readFileSync('test/cards/fake-hass.ts', 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

// HA's default light and dark theme variables (frontend src/resources/theme), and an <ha-card> that
// frames a card like HA's own does.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; font-family: Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
    font-size: 14px; -webkit-font-smoothing: antialiased;
    background: var(--primary-background-color); color: var(--primary-text-color);
    --primary-background-color: #fafafa; --card-background-color: #ffffff; --primary-text-color: #212121;
    --secondary-text-color: #727272; --disabled-text-color: #bdbdbd; --divider-color: rgba(0, 0, 0, 0.12);
    --primary-color: #03a9f4; --text-primary-color: #ffffff; --error-color: #db4437; --warning-color: #ffa600; }
  body.dark { --primary-background-color: #111111; --card-background-color: #1c1c1c;
    --primary-text-color: #e1e1e1; --secondary-text-color: #9b9b9b; --disabled-text-color: #6f6f6f;
    --divider-color: rgba(225, 225, 225, 0.12); }
  #frame { display: inline-block; padding: 8px; background: var(--primary-background-color); }
</style>
<script type="module">
  customElements.define('ha-card', class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<style>:host{display:block;border:1px solid var(--divider-color);box-shadow:none}</style><slot></slot>';
    }
  });
</script>
<script type="module" src="/heatpump-cards.js"></script>
<script type="module">
  import { fakeHass, loadRecording } from '/fake-hass.js';
  const drawn = (card) =>
    card.tagName === 'HEATPUMP-KPI-CARD'
      ? card.shadowRoot?.querySelectorAll('.tile').length > 0
      : (card.chart?.getOption().series ?? []).length > 0;
  window.mountCard = async ({ tag, width, dark, drop = [] }) => {
    document.body.classList.toggle('dark', dark);
    const frame = document.getElementById('frame') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'frame' }));
    frame.replaceChildren();
    await customElements.whenDefined(tag);
    const card = document.createElement(tag);
    card.style.width = width + 'px';
    card.setConfig({ type: 'custom:' + tag, sync_range: false });
    const hass = fakeHass(await loadRecording(), { darkMode: dark });
    for (const id of drop) delete hass.states[id];
    card.hass = hass;
    frame.append(card);
    const start = performance.now();
    while (!drawn(card)) {
      if (performance.now() - start > 15000) throw new Error(tag + ' drew nothing');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 400));
  };
</script></head><body></body></html>`;

const files = {
  '/index.html': ['text/html', PAGE],
  '/heatpump-cards.js': ['text/javascript', await buildBundle()],
  '/fake-hass.js': ['text/javascript', fakeHassModule()],
  '/fixtures/ha-recording.json': ['application/json', readFileSync('test/cards/fixtures/ha-recording.json')],
};

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.setViewport({ width: 800, height: 900, deviceScaleFactor: 2 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.emulateTimezone('Europe/Stockholm');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const file = files[new URL(request.url()).pathname];
    if (!file) return request.respond({ status: 404, body: 'not found' });
    return request.respond({ status: 200, contentType: file[0], body: file[1] });
  });
  await page.goto('http://cards.test/index.html');
  await page.waitForFunction(() => typeof window.mountCard === 'function');
  mkdirSync(outDir, { recursive: true });
  const shots = [
    ...CARDS.flatMap((card) => [
      { ...card, dark: false },
      ...(DARK.includes(card.tag) ? [{ ...card, dark: true }] : []),
    ]),
    ...VARIANTS.map((variant) => ({ ...variant, dark: false })),
  ].filter((shot) => !only || shot.tag === only);
  for (const shot of shots) {
    await page.evaluate((s) => window.mountCard(s), shot);
    const frame = await page.$('#frame');
    const name = `${shot.name ?? shot.tag.replace(/^heatpump-/, '')}${shot.dark ? '-dark' : ''}.png`;
    await frame.screenshot({ path: join(outDir, name) });
    console.log(`${join(outDir, name)}`);
  }
} finally {
  await browser.close();
}
