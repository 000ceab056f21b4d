import type { Series } from '../model/sample.js';

/** Hold-last-value window: [from, to) in epoch ms and the staleness limit in ms. */
export interface HoldOptions {
  readonly from: number;
  readonly to: number;
  readonly staleMs: number;
}

/** A stretch of time over which one value holds. */
export interface HeldSegment {
  readonly start: number;
  readonly end: number;
  readonly v: number;
}

/** Index of the first sample with t > `t` (series.length if none): binary search. */
export function firstIndexAfter(series: Series, t: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series[mid]?.t ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first sample with t >= `t` (series.length if none). */
export function firstIndexAtOrAfter(series: Series, t: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series[mid]?.t ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The hold-last-value step function of a series, clipped to [from, to): sample i holds v_i over
 * [t_i, min(t_(i+1), t_i + staleMs)), where t_(i+1) may be a gap marker's (which holds nothing
 * itself). Time not covered by any segment is a gap. A sample before
 * `from` still counts for the start of the range while it is not stale, so change-only logs work
 * when the caller includes the last sample before the range.
 */
export function heldSegments(series: Series, { from, to, staleMs }: HoldOptions): HeldSegment[] {
  const out: HeldSegment[] = [];
  if (!(to > from)) return out;
  for (let i = Math.max(0, firstIndexAfter(series, from) - 1); i < series.length; i += 1) {
    const sample = series[i];
    if (!sample || sample.t >= to) break;
    if (sample.gap === true) continue;
    const next = series[i + 1]?.t ?? Infinity;
    const start = Math.max(sample.t, from);
    const end = Math.min(next, sample.t + staleMs, to);
    if (end > start) out.push({ start, end, v: sample.v });
  }
  return out;
}

/** The value held at instant `t` (undefined in a gap, stale or after a gap marker). */
export function valueAt(series: Series, t: number, staleMs: number): number | undefined {
  const sample = series[firstIndexAfter(series, t) - 1];
  return sample && sample.gap !== true && t < sample.t + staleMs ? sample.v : undefined;
}
