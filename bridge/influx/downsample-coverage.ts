import type { QueryRange } from './query-plan.js';

/**
 * Which part of a read comes from the downsampled copy, and what the next step of keeping that
 * copy is. Pure: the source and the downsampler only run the queries these choose.
 */

/** [from, to) of complete downsample windows the copy holds, both on window boundaries. */
export interface Coverage {
  from: number;
  to: number;
}

export interface FetchPiece {
  range: QueryRange;
  /** Read from the downsampled copy (true) or the raw data. */
  downsampled: boolean;
}

/**
 * Splits a window-aligned read into raw | copy | raw. Only whole read windows come from the copy,
 * so no window is made of both (it would be two rows for one window start), and only read windows
 * that are a multiple of the copy's: each then aggregates whole copy windows (a mean of equal-time
 * means, a last of lasts, a max of maxes).
 */
export function splitByCoverage(
  range: QueryRange,
  coverage: Coverage | undefined,
  downsampleWindowMs: number,
): FetchPiece[] {
  const whole: FetchPiece[] = [{ range, downsampled: false }];
  const w = range.windowMs;
  if (coverage === undefined || w % downsampleWindowMs !== 0) return whole;
  const from = Math.max(range.from, Math.ceil(coverage.from / w) * w);
  const to = Math.min(range.to, Math.floor(coverage.to / w) * w);
  if (!(to > from)) return whole;
  const pieces: FetchPiece[] = [];
  if (from > range.from)
    pieces.push({ range: { from: range.from, to: from, windowMs: w }, downsampled: false });
  pieces.push({ range: { from, to, windowMs: w }, downsampled: true });
  if (range.to > to) pieces.push({ range: { from: to, to: range.to, windowMs: w }, downsampled: false });
  return pieces;
}

export interface StepOptions {
  /** The copy's window. */
  windowMs: number;
  /** How long after a window ends its points are taken as all there (loggers write late). */
  settleMs: number;
  /** How far back the copy is filled. */
  backfillMs: number;
  /** Longest range one step aggregates, so no query nears the timeout. */
  maxSpanMs: number;
}

export interface Step {
  /** Raw range to aggregate into the copy, on copy-window boundaries. */
  range: { from: number; to: number };
  /** What the copy covers once the step has run. */
  coverage: Coverage;
}

/**
 * The next piece of work: first forward to the newest complete window (re-aggregating the last
 * window the copy has, for points that came late), then backwards to the backfill horizon, newest
 * first. Going backwards from a contiguous copy keeps it contiguous when the bridge stops midway,
 * so what the copy holds (first to last point) is what it covers. Undefined: nothing to do.
 */
export function nextStep(
  coverage: Coverage | undefined,
  now: number,
  options: StepOptions,
): Step | undefined {
  const w = options.windowMs;
  const edge = Math.floor((now - options.settleMs) / w) * w;
  const horizon = Math.floor((now - options.backfillMs) / w) * w;
  const span = Math.max(w, Math.floor(options.maxSpanMs / w) * w);
  if (coverage === undefined) {
    const from = Math.max(horizon, edge - span);
    return edge > from ? { range: { from, to: edge }, coverage: { from, to: edge } } : undefined;
  }
  if (coverage.to < edge) {
    const from = Math.max(coverage.from, coverage.to - w);
    const to = Math.min(edge, from + span);
    return { range: { from, to }, coverage: { from: coverage.from, to } };
  }
  if (coverage.from > horizon) {
    const from = Math.max(horizon, coverage.from - span);
    return { range: { from, to: coverage.from }, coverage: { from, to: coverage.to } };
  }
  return undefined;
}
