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
import { RANGE_MS } from './time-range.js';

/** A built option (with an optional footnote, e.g. what an estimate rests on), or why there is no chart. */
export type ChartResult = { option: ChartOption; note?: string } | { message: string };

/** A heat-pump card whose body is one ECharts chart built by a pure option builder. */
export abstract class HeatpumpChartCard<C extends BaseCardConfig> extends HeatpumpCardBase<C> {
  protected abstract buildChart(view: CardView<C>): ChartResult;

  /** Derived data per name, with the key it was computed for (see `derived`). */
  private readonly derivedCache = new Map<string, { key: string; value: unknown }>();

  /**
   * Data derived by the core's metrics over the whole window (ledgers, interval COP, delta T), kept
   * until a load replaces the samples or the live window has moved on by one pixel's worth of time
   * (range / chart width, ~17 min at 7 d). A live state then costs one recomputation per pixel of
   * time instead of one per state, and what the chart shows lags the newest state by at most that
   * one pixel. `compute` must read only the samples, the window and the units.
   */
  protected derived<T>(view: CardView<C>, name: string, compute: () => T): T {
    const slotMs = RANGE_MS[view.range] / view.width;
    const key = JSON.stringify([
      this.dataGeneration,
      view.range,
      view.width,
      view.units,
      Math.floor(view.to / slotMs),
    ]);
    const hit = this.derivedCache.get(name);
    if (hit && hit.key === key) return hit.value as T;
    const value = compute();
    this.derivedCache.set(name, { key, value });
    return value;
  }

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

  /** Chart-ready points per role and what they were computed from (see `points`). */
  private readonly pointsCache = new Map<CardRole, PointsEntry>();

  /**
   * A role's samples ready for the chart: numbers down-sampled to min/max buckets at about twice the
   * pixel width, on/off signals reduced to their exact switch times. Kept per role until its samples
   * change (load, append, trim) or the bucket grid moves, so a live state of one entity does not
   * re-reduce the others. The grid is aligned to multiples of the bucket width rather than to the
   * window's start, so a sliding window moves it only once per bucket width, not on every state.
   */
  protected points(view: CardView<C>, role: CardRole): Point[] | undefined {
    const samples = view.samples[role];
    if (!samples || samples.length === 0) return undefined;
    const state = roleKind(role) === 'state';
    const bucketMs = Math.max(1, (view.to - view.from) / view.width);
    const gridFrom = Math.floor(view.from / bucketMs) * bucketMs;
    const key = state ? 'state' : `${view.width}|${bucketMs}|${gridFrom}`;
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const hit = this.pointsCache.get(role);
    if (
      hit &&
      hit.samples === samples &&
      hit.length === samples.length &&
      hit.first === first &&
      hit.last === last &&
      hit.key === key
    )
      return hit.points;
    const reduced = state
      ? keepStateChanges(samples)
      : downsampleMinMax(samples, {
          buckets: view.width,
          from: gridFrom,
          to: gridFrom + bucketMs * view.width,
        });
    const points = reduced.map(toPoint);
    this.pointsCache.set(role, { samples, length: samples.length, first, last, key, points });
    return points;
  }

  /** Points computed from the core (gaps as null), min/max down-sampled like a role's samples. */
  protected reducePoints(view: CardView<C>, points: readonly Point[]): Point[] {
    return downsampleMinMax(
      points.map((p) => ({ t: p.t, v: p.v ?? Number.NaN })),
      { buckets: view.width, from: view.from, to: view.to },
    ).map(toPoint);
  }
}

interface PointsEntry {
  samples: readonly TimedSample[];
  length: number;
  first: TimedSample;
  last: TimedSample;
  key: string;
  points: Point[];
}

const toPoint = (s: TimedSample): Point => ({ t: s.t, v: Number.isFinite(s.v) ? s.v : null });
