/**
 * Aggregation window for a range: the database aggregates, and a chart or a metric gets a few
 * hundred to a few thousand points per series, never raw years (DESIGN.md section 4).
 * Windows come from a ladder of round sizes so that consecutive cycles reuse the same
 * epoch-aligned buckets (and the same numbers).
 */
export const WINDOW_LADDER_MS: readonly number[] = [
  10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
  21_600_000, 43_200_000, 86_400_000,
];

export const DEFAULT_MAX_POINTS = 2000;

export interface WindowOptions {
  from: number;
  to: number;
  /** The logger's own interval: a finer window only repeats points. */
  minWindowMs?: number;
  maxPoints?: number;
}

export function chooseWindow(options: WindowOptions): number {
  const span = options.to - options.from;
  if (!(span > 0)) throw new RangeError(`empty or inverted range: ${options.from} .. ${options.to}`);
  const min = options.minWindowMs ?? 30_000;
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  for (const w of WINDOW_LADDER_MS) {
    if (w < min) continue;
    if (span / w <= maxPoints) return w;
  }
  // Beyond the ladder (decades): whole days, still bounded in points.
  return Math.ceil(span / maxPoints / 86_400_000) * 86_400_000;
}
