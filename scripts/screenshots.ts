/**
 * Regenerates the Home Assistant screenshots of docs/screenshots/ha/: the example dashboard view
 * and each card on it, in the real HA frontend with the real bridge (the end-to-end installation
 * of test/e2e/support/ha-stack.ts: simulated Thermia data in InfluxDB, three days of history), plus
 * the same view in Swedish and dark mode.
 *
 *   node --import tsx scripts/screenshots.ts [--out docs/screenshots/ha]
 *
 * Needs what the e2e tests need: `bash scripts/services/provision.sh` (InfluxDB, HA, Chromium).
 */
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../test/harness/process.js';
import { launchChromium, openLoggedIn, openView } from '../test/e2e/support/browser.js';
import { waitForCards } from '../test/e2e/support/card-probe.js';
import { DEFAULT_PUMPS, startStack } from '../test/e2e/support/ha-stack.js';
import { captureView } from '../test/e2e/support/screenshots.js';
import { setUserLanguage } from '../test/e2e/support/ws.js';

const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const out = resolve(outArg ?? join(REPO_ROOT, 'docs', 'screenshots', 'ha'));
const CARDS_ON_VIEW = 9;
const started = Date.now();
const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);

const stack = await startStack({ pumps: [{ ...DEFAULT_PUMPS[0]!, historyHours: 72 }], days: 3, log });
const browser = await launchChromium();
try {
  stack.startLiveFeeds();
  const shots: string[] = [];
  for (const variant of [
    { prefix: '', language: 'en', dark: false, cards: true },
    { prefix: 'sv-dark-', language: 'sv', dark: true, cards: false },
  ]) {
    await setUserLanguage(stack.conn, variant.language);
    const p = await openLoggedIn(browser, stack.ha, {
      viewport: { width: 1400, height: 1400 },
      dark: variant.dark,
    });
    try {
      await openView(p.page, stack.ha, '/lovelace/heatpump');
      const probe = await waitForCards(p.page, CARDS_ON_VIEW, 120_000);
      const unsettled = probe.cards.filter((c) => c.tag !== 'heatpump-kpi-card' && c.canvas === null);
      if (probe.errorCards.length > 0 || unsettled.length > 0 || probe.cards.length < CARDS_ON_VIEW) {
        throw new Error(
          `the view did not render: ${probe.errorCards.length} error cards, undrawn: ${unsettled.map((c) => c.tag).join(', ')}`,
        );
      }
      if (p.errors.length > 0) log(`console errors: ${JSON.stringify(p.errors)}`);
      shots.push(
        ...(await captureView({
          page: p.page,
          probe,
          dir: out,
          prefix: variant.prefix,
          cards: variant.cards,
        })),
      );
    } finally {
      await p.close();
    }
  }
  await setUserLanguage(stack.conn, 'en');
  for (const file of shots) log(`wrote ${file}`);
} finally {
  await browser.close();
  await stack.stop();
}
