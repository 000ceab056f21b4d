/**
 * What a card shows, read in the page through the frontend's shadow roots: whether its custom
 * element is defined, whether its chart drew (canvas with a size), the series of its ECharts
 * instance (names, types, point counts), KPI tiles, readable messages, and any error card on the view.
 */
import type { Page } from 'playwright-core';

export interface SeriesProbe {
  name: string;
  type: string;
  /** Data points (for a Sankey: links). */
  points: number;
  /** Points with a finite numeric value; for a state lane drawn as mark areas, its on-intervals. */
  finite: number;
  /** Last point's value (line series), for live-update checks. */
  last: number | null;
  /** First point's time (line series with [time, value] data), epoch ms. */
  first: number | null;
  /** Pie slices. */
  items: Array<{ name: string; value: number }>;
  /** Mark line values (e.g. the range COP). */
  markLines: Array<{ name: string; value: number }>;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

export interface CardProbe {
  tag: string;
  defined: boolean;
  /** `config.title` or the header text. */
  title: string;
  /** The card has a chart host element (a chart is, or is being, drawn). */
  chartHost: boolean;
  canvas: { width: number; height: number } | null;
  series: SeriesProbe[];
  /** Sankey nodes and links (energy flow card). */
  nodes: string[];
  links: SankeyLink[];
  /** ECharts option `darkMode` as the chart host themed it. */
  darkMode: boolean | null;
  /** Legend selection (series hidden by config are false). */
  legendSelected: Record<string, boolean>;
  /** KPI tiles: label and value text. */
  tiles: Array<{ label: string; value: string }>;
  /** In-card messages (loading, missing entities, errors). */
  messages: string[];
  /** Pressed range button. */
  range: string | null;
  /** Width x height of the card on screen. */
  box: { x: number; y: number; width: number; height: number };
}

export interface ViewProbe {
  cards: CardProbe[];
  /** `hui-error-card` elements anywhere on the page, with their text. */
  errorCards: string[];
  /** `<heatpump-*>` custom elements registered with the page. */
  registered: string[];
}

/** Runs in the page: every element of the document and of every (nested) open shadow root. */
function probeInPage(): ViewProbe {
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);

  type Chart = {
    getOption(): {
      darkMode?: boolean | string;
      legend?: Array<{ selected?: Record<string, boolean> }>;
      series?: Array<{
        name?: string;
        type?: string;
        data?: unknown;
        links?: Array<{ source?: string; target?: string; value?: number }>;
        nodes?: Array<{ name?: string }>;
        markLine?: { data?: Array<{ name?: string; yAxis?: number; value?: number }> };
        markArea?: { data?: unknown[] };
      }>;
    };
  };
  // Line series carry flat typed arrays [t0, v0, t1, v1, …] (cards/options/common.ts xyLine), NaN
  // for gaps; read them as [t, v] pairs like plain ECharts data, gaps as null.
  const pointsOf = (d: unknown): unknown[] => {
    if (!ArrayBuffer.isView(d)) return (d as unknown[] | undefined) ?? [];
    const flat = d as unknown as ArrayLike<number>;
    const out: unknown[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      out.push([flat[i], Number.isNaN(flat[i + 1]) ? null : flat[i + 1]]);
    return out;
  };
  const valueOf = (d: unknown): number | null => {
    if (typeof d === 'number') return d;
    if (Array.isArray(d)) return d.length > 1 && d[1] !== null ? Number(d[1]) : null;
    if (d !== null && typeof d === 'object' && 'value' in d) return valueOf((d as { value: unknown }).value);
    return null;
  };
  const finiteValue = (d: unknown): boolean => {
    if (typeof d === 'number') return Number.isFinite(d);
    if (Array.isArray(d)) return d.length > 1 && d[1] !== null && Number.isFinite(Number(d[1]));
    if (d !== null && typeof d === 'object') {
      const o = d as { value?: unknown };
      if ('value' in o) return finiteValue(o.value);
      return true; // Sankey links / nodes, pie items without value key
    }
    return false;
  };

  const cards: CardProbe[] = all
    .filter((el) => /^heatpump-.+-card$/.test(el.localName))
    .map((el) => {
      const root = el.shadowRoot;
      const host = root?.querySelector('hp-chart') as (HTMLElement & { chart?: Chart }) | null | undefined;
      const canvas = host?.shadowRoot?.querySelector('canvas') ?? null;
      const option = host?.chart?.getOption();
      const series = (option?.series ?? []).map((s) => {
        const data = s.type === 'sankey' ? (s.links ?? []) : pointsOf(s.data);
        const items =
          s.type === 'pie'
            ? pointsOf(s.data).map((d) => {
                const o = d as { name?: string; value?: number };
                return { name: String(o.name ?? ''), value: Number(o.value ?? NaN) };
              })
            : [];
        return {
          name: String(s.name ?? ''),
          type: String(s.type ?? ''),
          points: data.length,
          finite:
            s.type === 'sankey'
              ? data.length
              : data.length === 0
                ? (s.markArea?.data?.length ?? 0)
                : data.filter(finiteValue).length,
          last: s.type === 'line' && data.length > 0 ? valueOf(data[data.length - 1]) : null,
          first: s.type === 'line' && Array.isArray(data[0]) ? Number((data[0] as unknown[])[0]) : null,
          items,
          markLines: (s.markLine?.data ?? []).map((m) => ({
            name: String(m.name ?? ''),
            value: Number(m.yAxis ?? m.value ?? NaN),
          })),
        };
      });
      const nodes = (option?.series ?? [])
        .filter((s) => s.type === 'sankey')
        .flatMap((s) =>
          ((s.nodes ?? s.data ?? []) as Array<{ name?: string }>).map((n) => String(n.name ?? '')),
        );
      const links = (option?.series ?? [])
        .filter((s) => s.type === 'sankey')
        .flatMap((s) =>
          (s.links ?? []).map((l) => ({
            source: String(l.source ?? ''),
            target: String(l.target ?? ''),
            value: Number(l.value ?? NaN),
          })),
        );
      const tiles = Array.from(root?.querySelectorAll('.tile') ?? []).map((t) => ({
        label: (t.querySelector('.label')?.textContent ?? '').trim(),
        value: (t.querySelector('.value')?.textContent ?? t.textContent ?? '').trim(),
      }));
      const rect = el.getBoundingClientRect();
      return {
        tag: el.localName,
        defined: customElements.get(el.localName) !== undefined,
        title: (root?.querySelector('.title')?.textContent ?? '').trim(),
        chartHost: host !== null && host !== undefined,
        canvas: canvas ? { width: canvas.width, height: canvas.height } : null,
        series,
        nodes,
        links,
        darkMode: option === undefined ? null : option.darkMode === true || option.darkMode === 'true',
        legendSelected: option?.legend?.[0]?.selected ?? {},
        tiles,
        messages: Array.from(root?.querySelectorAll('.message') ?? []).map((m) =>
          (m.textContent ?? '').trim(),
        ),
        range: root?.querySelector('button[aria-pressed="true"]')?.getAttribute('data-range') ?? null,
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    });
  const errorCards = all
    .filter((el) => el.localName === 'hui-error-card')
    .map((el) =>
      ((el.shadowRoot?.textContent ?? '') + ' ' + (el.textContent ?? '')).replace(/\s+/g, ' ').trim(),
    );
  const registered = [
    'heatpump-cop-card',
    'heatpump-runtime-card',
    'heatpump-temperature-card',
    'heatpump-performance-card',
    'heatpump-power-card',
    'heatpump-valve-card',
    'heatpump-energy-flow-card',
    'heatpump-kpi-card',
  ].filter((t) => customElements.get(t) !== undefined);
  return { cards, errorCards, registered };
}

export function probeView(page: Page): Promise<ViewProbe> {
  return page.evaluate(probeInPage);
}

/**
 * True once a card shows its final content: a drawn chart with series, KPI tiles, or (no chart)
 * a readable reason why there is nothing to draw.
 */
export function cardSettled(card: CardProbe): boolean {
  if (card.messages.some((m) => /loading|laddar|lädt/i.test(m))) return false;
  if (card.tag === 'heatpump-kpi-card') return card.tiles.length > 0;
  if (!card.chartHost) return card.messages.length > 0;
  return card.canvas !== null && card.series.length > 0;
}

/**
 * Waits until `count` heatpump cards are on the page, every one has settled (charts drawn with
 * series, KPI tiles present) and no error card is left; returns the last probe either way. HA
 * puts an error card in place of a custom card until its element is defined and swaps it after,
 * so an error card only counts when it is still there at the end.
 */
export async function waitForCards(page: Page, count: number, timeoutMs = 90_000): Promise<ViewProbe> {
  const deadline = Date.now() + timeoutMs;
  let probe = await probeView(page);
  while (Date.now() < deadline) {
    if (probe.errorCards.length === 0 && probe.cards.length >= count && probe.cards.every(cardSettled)) {
      // One more frame so ECharts' own animation frame has painted the canvas.
      await page.waitForTimeout(500);
      return probeView(page);
    }
    await page.waitForTimeout(500);
    probe = await probeView(page);
  }
  return probe;
}
