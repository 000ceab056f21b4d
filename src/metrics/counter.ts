import { emptyIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import type { Sample, Series } from '../model/sample.js';
import { firstIndexAfter } from './segments.js';

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
  const issues = emptyIssueCounts();
  const cumulative: Sample[] = [];
  let total = 0;
  let prev: Sample | undefined;
  let lastChangeT = 0;
  for (const s of series) {
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
    cumulative.push({ t: s.t, v: total });
    if (!prev || s.v !== prev.v) lastChangeT = s.t;
    prev = s;
  }
  return { cumulative, issues };
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
  return before.v + ((after.v - before.v) * (t - before.t)) / (after.t - before.t);
}

/** kWh counted over [from, to) (the part of it inside the counter's span). */
export function counterEnergy(cumulative: Series, from: number, to: number): number {
  return cumulativeAt(cumulative, to) - cumulativeAt(cumulative, from);
}

/**
 * cumulativeAt for instants visited in non-decreasing order (a ledger's segment edges): a cursor
 * moves forward instead of a binary search per call. Same values as cumulativeAt.
 */
export function cumulativeCursor(cumulative: Series): (t: number) => number {
  let i = 0; // first sample with t > the last instant asked (cumulative.length if none)
  return (t) => {
    while (i < cumulative.length && (cumulative[i] as Sample).t <= t) i += 1;
    return interpolateAt(cumulative, i, t);
  };
}
