import type { Role, Sample, SeriesByRole } from '../../src/model/index.js';
import { aggregateForRole } from '../sources/aggregate.js';
import { ColumnTier } from './column-tier.js';

export interface SeriesStoreOptions {
  roles: readonly Role[];
  /** How long the full-resolution tier is kept, ms. */
  fineKeepMs: number;
  /** Window of the coarse tier that keeps the whole history, ms (a multiple of the sample step). */
  coarseWindowMs: number;
}

/**
 * Simulated history in two tiers, like a retention policy: every sample for the last days, and
 * window aggregates (mean or last per role, as the InfluxDB sources aggregate) for the whole
 * history. A year costs about 20 MB instead of the gigabyte a year of raw samples would.
 */
export class SeriesStore {
  readonly roles: readonly Role[];
  private readonly fine: ColumnTier;
  private readonly coarse: ColumnTier;
  private readonly useLast: boolean[];
  private openWindow = Number.NaN;
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  private readonly lasts: Float64Array;

  constructor(private readonly options: SeriesStoreOptions) {
    this.roles = options.roles;
    const n = options.roles.length;
    this.fine = new ColumnTier(n);
    this.coarse = new ColumnTier(n);
    this.useLast = options.roles.map((r) => aggregateForRole(r) !== 'mean');
    this.sums = new Float64Array(n);
    this.counts = new Float64Array(n);
    this.lasts = new Float64Array(n).fill(Number.NaN);
  }

  /** Time of the newest sample, or undefined before the first append. */
  get lastTime(): number | undefined {
    return this.fine.lastTime;
  }

  get firstTime(): number | undefined {
    return this.coarse.firstTime ?? this.fine.firstTime;
  }

  /** Appends one sample per role (NaN = none), times increasing. */
  append(t: number, values: ArrayLike<number>): void {
    this.fine.push(t, values);
    const w = Math.floor(t / this.options.coarseWindowMs) * this.options.coarseWindowMs;
    if (w !== this.openWindow) {
      this.closeWindow();
      this.openWindow = w;
    }
    for (let c = 0; c < this.roles.length; c++) {
      const v = values[c] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      this.sums[c] = (this.sums[c] ?? 0) + v;
      this.counts[c] = (this.counts[c] ?? 0) + 1;
      this.lasts[c] = v;
    }
    const keepFrom = t - this.options.fineKeepMs;
    if ((this.fine.firstTime ?? t) < keepFrom - this.options.coarseWindowMs * 12)
      this.fine.dropBefore(keepFrom);
  }

  /**
   * Series for [from, to) in epoch-aligned windows of windowMs stamped with their start: mean for
   * analog roles, last value for states, codes and counters; empty windows are left out. Parts
   * older than the full-resolution tier come from the coarse tier (windows no finer than it).
   */
  fetch(from: number, to: number, windowMs: number): SeriesByRole {
    const firstFine = this.fine.firstTime ?? Number.POSITIVE_INFINITY;
    // Switch tiers on a coarse-window edge, so no window gets a sample from both tiers.
    const cw = this.options.coarseWindowMs;
    const fineStart = Number.isFinite(firstFine) ? Math.ceil(firstFine / cw) * cw : firstFine;
    const useCoarseUntil = windowMs >= this.options.coarseWindowMs ? to : Math.min(to, fineStart);
    const out: SeriesByRole = {};
    const perRole: Sample[][] = this.roles.map(() => []);
    if (from < useCoarseUntil)
      this.aggregateTier({ tier: this.coarse, from, to: useCoarseUntil, windowMs, perRole, withOpen: true });
    if (useCoarseUntil < to)
      this.aggregateTier({
        tier: this.fine,
        from: Math.max(from, useCoarseUntil),
        to,
        windowMs,
        perRole,
        withOpen: false,
      });
    this.roles.forEach((role, c) => {
      const samples = perRole[c] ?? [];
      if (samples.length > 0) out[role] = samples;
    });
    return out;
  }

  private closeWindow(): void {
    if (Number.isNaN(this.openWindow)) return;
    this.coarse.push(this.openWindow, this.windowValues());
    this.sums.fill(0);
    this.counts.fill(0);
    this.lasts.fill(Number.NaN);
  }

  private windowValues(): number[] {
    return this.roles.map((_, c) => {
      if ((this.counts[c] ?? 0) === 0) return Number.NaN;
      return this.useLast[c] ? (this.lasts[c] ?? Number.NaN) : (this.sums[c] ?? 0) / (this.counts[c] ?? 1);
    });
  }

  private aggregateTier(x: {
    tier: ColumnTier;
    from: number;
    to: number;
    windowMs: number;
    perRole: Sample[][];
    withOpen: boolean;
  }): void {
    const { tier, from, to, windowMs, perRole } = x;
    const [i0, i1] = tier.indexRange(from, to);
    // The coarse window still filling up is part of the history too.
    const open =
      x.withOpen && !Number.isNaN(this.openWindow) && this.openWindow >= from && this.openWindow < to
        ? this.windowValues()
        : undefined;
    for (let c = 0; c < this.roles.length; c++) {
      const target = perRole[c] as Sample[];
      const useLast = this.useLast[c] === true;
      let start = Number.NaN;
      let sum = 0;
      let count = 0;
      let last = Number.NaN;
      const add = (t: number, v: number): void => {
        if (Number.isNaN(v)) return;
        const w = Math.floor(t / windowMs) * windowMs;
        if (w !== start) {
          if (count > 0) target.push({ t: start, v: useLast ? last : sum / count });
          start = w;
          sum = 0;
          count = 0;
        }
        sum += v;
        count++;
        last = v;
      };
      for (let i = i0; i < i1; i++) add(tier.time(i), tier.value(c, i));
      if (open) add(this.openWindow, open[c] ?? Number.NaN);
      if (count > 0) target.push({ t: start, v: useLast ? last : sum / count });
    }
  }
}
