import type { Sample, Series } from '../model/sample.js';

/**
 * "The compressor ran at some time in this window" from a state series aggregated with `last`
 * per window (stamped with the window start). Why: in such a series a compressor that stopped
 * inside window w reads 0 for all of w, while w's mean supply - return still holds the running
 * part. Gating the flow-factor heat on that 0 drops up to a window of heat per cycle (about 8 %
 * at 15 min windows, 25 % at 1 h on a ground-source pump). The state the window started in is
 * the previous window's last value, so "ran in w" = state(w-1) > 0 or state(w) > 0, and mean ΔT x
 * window is then the window's ΔT integral (ΔT is about 0 while the compressor is off).
 *
 * A window without samples holds the previous window's end state, so a 1 is not carried past
 * the window after the last running one. Gap markers stay gap markers. Returns 0/1 samples.
 */
export function ranInWindow(series: Series, windowMs: number): Series {
  if (!(windowMs > 0)) return series;
  const out: Sample[] = [];
  let prev: Sample | undefined;
  for (const s of series) {
    if (s.gap === true) {
      pushHeld(out, prev, windowMs, s.t);
      out.push(s);
      prev = undefined;
      continue;
    }
    pushHeld(out, prev, windowMs, s.t);
    const startedOn = prev !== undefined && prev.t === s.t - windowMs && prev.v > 0;
    out.push({ t: s.t, v: s.v > 0 || startedOn ? 1 : 0 });
    prev = s;
  }
  pushHeld(out, prev, windowMs, Infinity);
  return out;
}

/** After window `prev`, an empty window starts in prev's end state, and so do the ones after it. */
function pushHeld(out: Sample[], prev: Sample | undefined, windowMs: number, nextT: number): void {
  if (prev === undefined) return;
  const t = prev.t + windowMs;
  if (t < nextT) out.push({ t, v: prev.v > 0 ? 1 : 0 });
}
