import type { QueryRange } from './query-plan.js';

/**
 * Longest time one query covers. A year of 30 s points aggregated in one InfluxQL query took 4.5 s
 * on InfluxDB 1.6 and 9.1 s on a busier day (PERFORMANCE.md), against a 10 s default timeout, and
 * a timed-out read is retried whole, so it would never finish. Spans of 31 days take 0.7-1.7 s
 * each; the windows stay those of the whole range.
 */
export const MAX_QUERY_SPAN_MS = 31 * 86_400_000;

/**
 * Splits a window-aligned range into consecutive ranges of at most `maxSpanMs` (rounded down to
 * whole windows, at least one window), so each piece returns exactly the windows the whole range
 * would: every boundary is a window boundary.
 */
export function querySpans(range: QueryRange, maxSpanMs: number = MAX_QUERY_SPAN_MS): QueryRange[] {
  const { from, to, windowMs } = range;
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  if (!(to > from)) throw new RangeError('range.to must be after range.from');
  const step = Math.max(1, Math.floor(maxSpanMs / windowMs)) * windowMs;
  const spans: QueryRange[] = [];
  for (let start = from; start < to; start += step)
    spans.push({ from: start, to: Math.min(to, start + step), windowMs });
  return spans;
}
