import type { TimedSample } from './data-source.js';

/** `mid` says nothing new: both neighbours hold its value and `prev`'s hold reaches `next`. */
function isRepeat(prev: TimedSample, mid: TimedSample, next: TimedSample, maxHoldMs: number): boolean {
  return mid.v === prev.v && next.v === mid.v && next.t - prev.t < maxHoldMs;
}

/**
 * Drops the samples that tell nothing new: a sample whose value equals both the last kept sample's
 * and the next sample's, while the kept one's hold still reaches the next (less than `maxHoldMs`
 * apart). Loggers that write every 30 s (the bridge's own history, InfluxDB windows) repeat an
 * on/off state thousands of times a week; those repeats cost memory and a ledger segment each.
 *
 * Lossless for every way the cards read samples: hold-last-value with a staleness of at least
 * `maxHoldMs` (the core's metrics), step and linear drawing (the dropped points lie on a flat run),
 * counter interpolation (flat between equal readings), min/max down-sampling (same values).
 * NaN (unavailable) samples are never dropped. Returns `samples` itself when nothing is dropped,
 * so a series without repeats is not copied.
 */
export function dropRepeats(samples: TimedSample[], maxHoldMs: number): TimedSample[] {
  const n = samples.length;
  if (n < 3) return samples;
  let out: TimedSample[] | undefined;
  let kept = samples[0]!;
  for (let i = 1; i < n - 1; i++) {
    const s = samples[i]!;
    const next = samples[i + 1]!;
    if (isRepeat(kept, s, next, maxHoldMs)) {
      out ??= samples.slice(0, i);
      continue;
    }
    out?.push(s);
    kept = s;
  }
  if (!out) return samples;
  out.push(samples[n - 1]!);
  return out;
}

/**
 * The same rule for a live state about to be appended (newer than the last sample): when the last
 * sample is a repeat between the one before it and the new state, the new state takes its place.
 * Returns whether it did.
 */
export function replaceRepeat(samples: TimedSample[], next: TimedSample, maxHoldMs: number): boolean {
  const n = samples.length;
  if (n < 2 || !isRepeat(samples[n - 2]!, samples[n - 1]!, next, maxHoldMs)) return false;
  samples[n - 1] = next;
  return true;
}
