/**
 * Screenshots of a dashboard view and of each heat-pump card on it, as PNG files:
 * `<prefix>view.png` and `<prefix><card-tag>[-<n>].png` (n counts repeated cards, from 2).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ViewProbe } from './card-probe.js';

export async function captureView(opts: {
  page: Page;
  probe: ViewProbe;
  dir: string;
  prefix?: string;
  /** Also one file per card (default true). */
  cards?: boolean;
}): Promise<string[]> {
  const { page, probe, dir } = opts;
  const prefix = opts.prefix ?? '';
  mkdirSync(dir, { recursive: true });
  // Charts animate in; let the last frame land, and keep the mouse away from tooltips.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1_500);
  const files: string[] = [];
  const view = join(dir, `${prefix}view.png`);
  await page.screenshot({ path: view, fullPage: true, animations: 'disabled' });
  files.push(view);
  const seen = new Map<string, number>();
  for (const card of opts.cards === false ? [] : probe.cards) {
    const n = (seen.get(card.tag) ?? 0) + 1;
    seen.set(card.tag, n);
    const file = join(dir, `${prefix}${card.tag.replace(/^heatpump-/, '')}${n > 1 ? `-${n}` : ''}.png`);
    // Playwright's CSS engine pierces open shadow roots, so the card is found wherever HA nests it.
    await page
      .locator(card.tag)
      .nth(n - 1)
      .screenshot({ path: file, animations: 'disabled' });
    files.push(file);
  }
  return files;
}
