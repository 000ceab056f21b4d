import { emptyIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import type { Sample, Series } from '../model/sample.js';
import { firstIndexAfter, firstIndexAtOrAfter } from './segments.js';

export interface CounterOptions {
  /** Steps implying more than this power (W) are glitches: skipped, counted as counter_jump. */
  readonly maxPowerW: number;
  /** Counter range (kWh) for wrap-around; null when the counter does not wrap. */
  readonly wrapKwh: number | null;
}

export interface CounterResult {
  /** kWh counted since the first sample; non-decreasing. */
  readonly cumulative: Series;
  readonly issues: DataIssueCounts;
}

const MS_PER_HOUR = 3_600_000;

/**
 * A cumulative kWh counter made safe to difference. Step d = v_i - v_(i-1):
 * - d >= 0 and d / Δt <= maxPowerW: counted
 * - d < 0 with wrapKwh set and v_i + wrapKwh - v_(i-1) plausible: a wrap, that amount is counted
 * - d < 0 otherwise: a reset or meter swap; the step is skipped (counter_reset) and counting
 *   continues from the new value, so at most one sample interval of energy is lost
 * - d / Δt > maxPowerW: a glitch (e.g. a bogus read after a reset); skipped (counter_jump)
 * Δt for the plausibility check is the time since the counter last changed, not since the
 * previous read: a meter that counts whole kWh and is read every 30 s steps by 1 kWh after many
 * flat reads, which is 2 kW over the flat stretch, not 120 kW over one read interval.
 * Gap markers are skipped: a counter keeps counting while it is not read, so the step across a
 * gap is real energy (spread evenly over the gap by cumulativeAt).
 */
export function counterCumulative(series: Series, options: CounterOptions): CounterResult {
  const { t, v, issues } = counterColumns(series, options);
  const cumulative: Sample[] = [];
  for (let i = 0; i < t.length; i += 1) cumulative.push({ t: t[i] as number, v: v[i] as number });
  return { cumulative, issues };
}

/** counterCumulative as two columns (times, cumulative kWh): what the ledger reads. */
export interface CounterColumns {
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly issues: DataIssueCounts;
}

/**
 * The rules of counterCumulative, written to typed arrays (no object per sample). With `span`,
 * only the samples that differences over [from, to) read (see countedSpan): the same kWh for any
 * piece of the span, counted from 0 at its first sample, and the resets and jumps found there.
 */
export function counterColumns(
  series: Series,
  options: CounterOptions,
  span?: { from: number; to: number },
): CounterColumns {
  const [first, end] = span ? countedSpan(series, span.from, span.to) : [0, series.length];
  const issues = emptyIssueCounts();
  const times = new Float64Array(end - first);
  const totals = new Float64Array(end - first);
  let n = 0;
  let total = 0;
  let prev: Sample | undefined;
  let lastChangeT = 0;
  for (let i = first; i < end; i += 1) {
    const s = series[i] as Sample;
    if (s.gap === true) continue;
    if (prev) {
      // Largest plausible step over the time since the last change (kWh); no closure per sample.
      const maxKwh = (options.maxPowerW * (s.t - lastChangeT)) / MS_PER_HOUR / 1000;
      const d = s.v - prev.v;
      if (d >= 0) {
        if (d <= maxKwh) total += d;
        else issues.counter_jump += 1;
      } else {
        const wrapped = options.wrapKwh === null ? -1 : d + options.wrapKwh;
        if (wrapped >= 0 && wrapped <= maxKwh) total += wrapped;
        else issues.counter_reset += 1;
      }
    }
    times[n] = s.t;
    totals[n] = total;
    n += 1;
    if (!prev || s.v !== prev.v) lastChangeT = s.t;
    prev = s;
  }
  return { t: times.subarray(0, n), v: totals.subarray(0, n), issues };
}

/**
 * Index range [first, end) of the samples a counter's energy over [from, to) depends on: from the
 * start of the flat stretch the counter is in at `from` (a step's plausibility is judged over the
 * time since the last change, so the steps after it are judged exactly as over the whole series)
 * through the first sample at or after `to`. A 15-minute ledger reads a few samples, not a week.
 */
function countedSpan(series: Series, from: number, to: number): [number, number] {
  const end = Math.min(series.length, firstIndexAtOrAfter(series, to) + 1);
  let anchor = firstIndexAfter(series, from) - 1;
  while (anchor >= 0 && (series[anchor] as Sample).gap === true) anchor -= 1;
  if (anchor < 0) return [0, end];
  const value = (series[anchor] as Sample).v;
  let first = anchor;
  for (let i = anchor - 1; i >= 0; i -= 1) {
    const s = series[i] as Sample;
    if (s.gap === true) continue;
    if (s.v !== value) break;
    first = i;
  }
  return [first, end];
}

/**
 * Cumulative kWh at instant `t`, linearly interpolated between samples (energy assumed spread
 * evenly between two reads); clamped to the first/last sample outside the counter's span.
 */
export function cumulativeAt(cumulative: Series, t: number): number {
  return interpolateAt(cumulative, firstIndexAfter(cumulative, t), t);
}

/** The cumulative value at t, given i = index of the first sample after t. */
function interpolateAt(cumulative: Series, i: number, t: number): number {
  const before = cumulative[i - 1];
  const after = cumulative[i];
  if (!before) return after?.v ?? 0;
  if (!after || before.t === t) return before.v;
  return between(before.t, before.v, after.t, after.v, t);
}

/** The value at t on the straight line from (t0, v0) to (t1, v1). */
function between(t0: number, v0: number, t1: number, v1: number, t: number): number {
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

/** kWh counted over [from, to) (the part of it inside the counter's span). */
export function counterEnergy(cumulative: Series, from: number, to: number): number {
  return cumulativeAt(cumulative, to) - cumulativeAt(cumulative, from);
}

/**
 * cumulativeAt for instants visited in non-decreasing order (a ledger's segment edges), over
 * counterColumns: a cursor moves forward instead of a binary search per call. Same values as
 * cumulativeAt.
 */
export function cumulativeCursor({ t: times, v: totals }: CounterColumns): (t: number) => number {
  const n = times.length;
  let i = 0; // first sample with t > the last instant asked (n if none)
  return (t) => {
    while (i < n && (times[i] as number) <= t) i += 1;
    // interpolateAt on the columns.
    if (i === 0) return n > 0 ? (totals[0] as number) : 0;
    const beforeT = times[i - 1] as number;
    const beforeV = totals[i - 1] as number;
    if (i === n || beforeT === t) return beforeV;
    return between(beforeT, beforeV, times[i] as number, totals[i] as number, t);
  };
}
