import type { Sample, SeriesByRole } from '../../src/model/index.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import { periodRange } from '../../src/metrics/periods.js';
import { firstIndexAtOrAfter } from '../../src/metrics/segments.js';
import { chooseWindow } from '../influx/window.js';
import type { SampleSource } from '../sources/sample-source.js';
import type { WindowedSeries } from './compute-snapshot.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A range to hold at `now`: its epoch-aligned start and its window. */
export interface RangePlan {
  from: number;
  windowMs: number;
}

export interface HeldRangeOptions {
  source: SampleSource;
  /** The range at a given time (longRangePlan, recentRangePlan). */
  plan: (now: number) => RangePlan;
  /** How often the held series is brought up to date (an incremental read), ms; 0 = every update. */
  refreshMs: number;
  /** How often the whole range is read again so late-written data is picked up, ms (default 24 h). */
  fullRefreshMs?: number;
  /**
   * Finished time read again on every refresh besides the window still open at the last read, ms
   * (whole windows covering it): data that arrives a little late (a logger's write buffer) lands
   * there. Default: two windows.
   */
  overlapMs?: number;
}

/** Where the held series ends and which window size it has; what a refresh reads next. */
interface Held extends WindowedSeries {
  /** Epoch-aligned start of the range the series covers, ms. */
  from: number;
  /** End (exclusive) of the last read, ms. */
  to: number;
  fullAt: number;
  refreshedAt: number;
}

/** The last read, for logs and tests. */
export interface HeldRangeFetch {
  kind: 'full' | 'incremental';
  from: number;
  to: number;
  windowMs: number;
  rows: number;
}

/**
 * A range of windowed series held between cycles: the long range (heating season or 31 d) and the
 * recent 25 h. Windows are epoch-aligned and a finished window never changes, so after the first
 * full read a refresh reads only from the window that was still open (minus `overlapMs`) to
 * now, replaces those windows and drops the ones that left the range: a year costs one read at
 * start and then about an hour's read per refresh. The whole range is read again when the window
 * size for the range changes, when the range reaches further back than what is held, when the
 * clock goes back, and every `fullRefreshMs` (data written later than the overlap).
 */
export class HeldRange {
  private readonly options: HeldRangeOptions;
  private held: Held | undefined;
  /** The read the last update() made; undefined when it reused the held series. */
  lastFetch: HeldRangeFetch | undefined;

  constructor(options: HeldRangeOptions) {
    this.options = options;
  }

  get series(): WindowedSeries | undefined {
    return this.held === undefined ? undefined : { series: this.held.series, windowMs: this.held.windowMs };
  }

  /** Brings the held series up to `now` when a refresh is due; returns it. */
  async update(now: number, signal?: AbortSignal): Promise<WindowedSeries | undefined> {
    const o = this.options;
    const plan = o.plan(now);
    const held = this.held;
    this.lastFetch = undefined;
    const full =
      held === undefined ||
      held.windowMs !== plan.windowMs ||
      plan.from < held.from ||
      now < held.to ||
      now - held.fullAt >= (o.fullRefreshMs ?? DAY);
    if (!full && now - held.refreshedAt < o.refreshMs) return this.series;
    if (full) {
      const result = await o.source.fetch({ from: plan.from, to: now, windowMs: plan.windowMs, signal });
      // An aborted read may have stopped early: never hold a partial series as complete.
      if (signal?.aborted) return this.series;
      this.held = { ...plan, series: result.series, to: now, fullAt: now, refreshedAt: now };
      this.lastFetch = { kind: 'full', from: plan.from, to: now, windowMs: plan.windowMs, rows: result.rows };
      return this.series;
    }
    const w = plan.windowMs;
    const openWindow = Math.floor((held.to - 1) / w) * w;
    const overlap = o.overlapMs !== undefined ? Math.ceil(o.overlapMs / w) : 2;
    const from = Math.max(plan.from, openWindow - overlap * w);
    const result = await o.source.fetch({ from, to: now, windowMs: w, signal });
    if (signal?.aborted) return this.series;
    this.held = {
      ...held,
      series: mergeWindows({
        held: held.series,
        fresh: result.series,
        keepFrom: plan.from,
        replaceFrom: from,
      }),
      from: plan.from,
      to: now,
      refreshedAt: now,
    };
    this.lastFetch = { kind: 'incremental', from, to: now, windowMs: w, rows: result.rows };
    return this.series;
  }
}

/**
 * The long range at `now`: from the earlier of the heating season's start and now - 31 d, aligned
 * down to the window (so every read of the range has the same epoch-aligned windows), at >= 5 min
 * windows with at most 20,000 per series.
 */
export function longRangePlan(now: number, options: MetricOptions): RangePlan {
  const season = periodRange('season', now, options.timeZone, options.heatingSeason);
  const from = Math.min(season.from, now - 31 * DAY);
  const windowMs = chooseWindow({ from, to: now, minWindowMs: 5 * 60_000, maxPoints: 20_000 });
  return { from: Math.floor(from / windowMs) * windowMs, windowMs };
}

/**
 * The recent range at `now`: today and the last 24 h (whichever starts earlier) plus an hour, at the
 * logger's interval with at most 3,000 windows per series, aligned down to the window.
 */
export function recentRangePlan(now: number, options: MetricOptions, sampleIntervalMs: number): RangePlan {
  const today = periodRange('today', now, options.timeZone, options.heatingSeason);
  const from = Math.min(today.from, now - DAY) - HOUR;
  const windowMs = chooseWindow({ from, to: now, minWindowMs: sampleIntervalMs, maxPoints: 3000 });
  return { from: Math.floor(from / windowMs) * windowMs, windowMs };
}

export interface MergeWindowsOptions {
  held: SeriesByRole;
  /** Windows from `replaceFrom` on, as the source returned them. */
  fresh: SeriesByRole;
  /** Held windows before this left the range and are dropped. */
  keepFrom: number;
  /** Held windows from here on are replaced by the fresh ones (even where fresh has none). */
  replaceFrom: number;
}

/** Per role: held samples in [keepFrom, replaceFrom), then the fresh samples from replaceFrom on. */
export function mergeWindows(options: MergeWindowsOptions): SeriesByRole {
  const { held, fresh, keepFrom, replaceFrom } = options;
  const out: SeriesByRole = {};
  const roles = new Set([...Object.keys(held), ...Object.keys(fresh)]) as Set<keyof SeriesByRole>;
  for (const role of roles) {
    const old = held[role] ?? [];
    const add = fresh[role] ?? [];
    const kept = old.slice(firstIndexAtOrAfter(old, keepFrom), firstIndexAtOrAfter(old, replaceFrom));
    const merged: Sample[] = kept.concat(add.slice(firstIndexAtOrAfter(add, replaceFrom)));
    if (merged.length > 0) out[role] = merged;
  }
  return out;
}
