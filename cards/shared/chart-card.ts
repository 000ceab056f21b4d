import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../chart/hp-chart.js';
import type { HpChart } from '../chart/hp-chart.js';
import type { TimedSample } from '../data/data-source.js';
import { downsampleMinMax, keepStateChanges } from '../data/downsample.js';
import type { ECharts, ChartOption } from '../echarts/echarts.js';
import type { OptionContext, Point } from '../options/common.js';
import { HeatpumpCardBase } from './base-card.js';
import type { CardView } from './base-card.js';
import type { BaseCardConfig } from './config-schema.js';
import { roleKind } from './default-entities.js';
import type { CardRole } from './default-entities.js';

/** A built option (with an optional footnote, e.g. what an estimate rests on), or why there is no chart. */
export type ChartResult = { option: ChartOption; note?: string } | { message: string };

/** A heat-pump card whose body is one ECharts chart built by a pure option builder. */
export abstract class HeatpumpChartCard<C extends BaseCardConfig> extends HeatpumpCardBase<C> {
  protected abstract buildChart(view: CardView<C>): ChartResult;

  /** The ECharts instance of the card's chart, for tests and callers wanting events. */
  get chart(): ECharts | undefined {
    return this.renderRoot.querySelector<HpChart>('hp-chart')?.chart;
  }

  protected renderBody(view: CardView<C>): TemplateResult {
    // Nothing to draw yet: the header already says "Loading…".
    if (this.loading && Object.keys(view.samples).length === 0) return html``;
    let result: ChartResult;
    try {
      result = this.buildChart(view);
    } catch (err) {
      // A bug in a builder must show up as text in the card, never as a blank card.
      result = { message: err instanceof Error ? err.message : String(err) };
    }
    if ('message' in result) return html`<div class="message">${result.message}</div>`;
    return html`<hp-chart .option=${result.option} .darkMode=${view.darkMode}></hp-chart>
      ${result.note ? html`<div class="note">${result.note}</div>` : ''}`;
  }

  protected optionContext(view: CardView<C>): OptionContext {
    return { texts: view.texts, locale: view.locale, from: view.from, to: view.to, width: view.width };
  }

  /**
   * A role's samples ready for the chart: numbers down-sampled to min/max buckets at about twice the
   * pixel width, on/off signals reduced to their exact switch times.
   */
  protected points(view: CardView<C>, role: CardRole): Point[] | undefined {
    const samples = view.samples[role];
    if (!samples || samples.length === 0) return undefined;
    const reduced =
      roleKind(role) === 'state'
        ? keepStateChanges(samples)
        : downsampleMinMax(samples, { buckets: view.width, from: view.from, to: view.to });
    return reduced.map(toPoint);
  }

  /** Points computed from the core (gaps as null), min/max down-sampled like a role's samples. */
  protected reducePoints(view: CardView<C>, points: readonly Point[]): Point[] {
    return downsampleMinMax(
      points.map((p) => ({ t: p.t, v: p.v ?? Number.NaN })),
      { buckets: view.width, from: view.from, to: view.to },
    ).map(toPoint);
  }
}

const toPoint = (s: TimedSample): Point => ({ t: s.t, v: Number.isFinite(s.v) ? s.v : null });
