import { firstIndexAtOrAfter } from '../../src/metrics/segments.js';
import type { TimedSample } from './data-source.js';
import type { RoleSamples } from './load-series.js';

/** Loaded time window of a card, epoch ms. */
export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * Moves a window forward so it ends at `newest` (a live state's time), keeping its length: a card
 * open for days then shows the same span as a fresh one instead of an ever longer one.
 */
export function slideWindow(window: TimeWindow, newest: number): TimeWindow {
  if (newest <= window.to) return window;
  const shift = newest - window.to;
  return { from: window.from + shift, to: newest };
}

/**
 * Drops the samples older than `from` in place, so live appends do not grow the series forever.
 * The newest sample before `from` stays (unless one lies exactly at `from`): its value holds until
 * the next sample (hold-last-value), so on/off lanes and the core's ledgers still know the state at
 * the window's start.
 * Returns how many samples were dropped.
 */
export function dropBefore(samples: TimedSample[], from: number): number {
  const lo = firstIndexAtOrAfter(samples, from);
  // Keep the predecessor unless a sample sits exactly at `from`.
  const drop = lo < samples.length && samples[lo]!.t === from ? lo : Math.max(0, lo - 1);
  if (drop > 0) samples.splice(0, drop);
  return drop;
}

/** dropBefore for every role of a card; returns the total dropped. */
export function trimRoles(samples: RoleSamples, from: number): number {
  let dropped = 0;
  for (const list of Object.values(samples)) if (list) dropped += dropBefore(list, from);
  return dropped;
}
