import type { Series } from '../model/sample.js';
import { heldSegments, type HoldOptions } from './segments.js';

/** A stretch of [from, to) with no valid value. */
export interface Gap {
  readonly from: number;
  readonly to: number;
}

export interface IntegrateResult {
  /** ∫ v dt over the covered time, in value·ms (W·ms / 3.6e9 = kWh). */
  readonly integral: number;
  /** Covered time in ms. */
  readonly coveredMs: number;
  /** Uncovered stretches, ascending. */
  readonly gaps: readonly Gap[];
}

/** Gaps of [from, to) not covered by `segments` (sorted, non-overlapping). */
export function gapsOf(
  segments: ReadonlyArray<{ start: number; end: number }>,
  from: number,
  to: number,
): Gap[] {
  const gaps: Gap[] = [];
  let cursor = from;
  for (const s of segments) {
    if (s.start > cursor) gaps.push({ from: cursor, to: s.start });
    cursor = Math.max(cursor, s.end);
  }
  if (to > cursor) gaps.push({ from: cursor, to });
  return gaps;
}

/**
 * Time-weighted integral with hold-last-value semantics: Σ v_i x (end_i - start_i) over the held
 * segments (see heldSegments); never a count of samples, so irregular and change-only logs give
 * the same result as regular ones.
 */
export function integrate(series: Series, hold: HoldOptions): IntegrateResult {
  const segments = heldSegments(series, hold);
  let integral = 0;
  let coveredMs = 0;
  for (const s of segments) {
    integral += s.v * (s.end - s.start);
    coveredMs += s.end - s.start;
  }
  return { integral, coveredMs, gaps: gapsOf(segments, hold.from, Math.max(hold.from, hold.to)) };
}

export interface TimeShareResult {
  /** Time (ms) where predicate(value) holds. */
  readonly trueMs: number;
  readonly coveredMs: number;
  /** trueMs / coveredMs (0..1); null when nothing is covered. */
  readonly share: number | null;
}

/** Time-weighted share of covered time where `predicate(value)` holds, e.g. compressor on. */
export function timeShare(
  series: Series,
  predicate: (v: number) => boolean,
  hold: HoldOptions,
): TimeShareResult {
  let trueMs = 0;
  let coveredMs = 0;
  for (const s of heldSegments(series, hold)) {
    coveredMs += s.end - s.start;
    if (predicate(s.v)) trueMs += s.end - s.start;
  }
  return { trueMs, coveredMs, share: coveredMs > 0 ? trueMs / coveredMs : null };
}
