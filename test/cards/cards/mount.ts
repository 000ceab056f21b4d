import '../../../cards/index.js';
import type { HeatpumpChartCard } from '../../../cards/shared/chart-card.js';
import type { BaseCardConfig } from '../../../cards/shared/config-schema.js';
import type { FakeHass } from '../fake-hass.js';
import { until } from '../fake-hass.js';
import { xyPairs } from '../../../cards/options/common.js';

export type AnyChartCard = HeatpumpChartCard<BaseCardConfig> & HTMLElement;

export function create(tag: string, config: Record<string, unknown>, hass: FakeHass): AnyChartCard {
  const card = document.createElement(tag) as AnyChartCard;
  card.style.width = '600px';
  card.style.display = 'block';
  card.setConfig({ type: `custom:${tag}`, ...config });
  card.hass = hass;
  document.body.append(card);
  return card;
}

/** Mounts a chart card and waits until its chart has series drawn from the loaded data. */
export async function mountChart(
  tag: string,
  config: Record<string, unknown>,
  hass: FakeHass,
): Promise<AnyChartCard> {
  const card = create(tag, config, hass);
  await until(() => {
    const series = card.chart?.getOption().series as Array<{ data?: unknown[] }> | undefined;
    return !!series && series.some((s) => (s.data?.length ?? 0) > 0);
  });
  return card;
}

/** A line series' points as `[t, v]` pairs (the cards hand ECharts flat typed arrays). */
export function linePoints(series: { data: unknown }): Array<[number, number | null]> {
  return xyPairs(series.data);
}

export function seriesOf(card: AnyChartCard): Array<{ name: string; type: string; data: unknown[] }> {
  return card.chart!.getOption().series as Array<{ name: string; type: string; data: unknown[] }>;
}

export function text(card: HTMLElement): string {
  return card.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}
