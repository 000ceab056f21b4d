/** A half-open time range [from, to) in epoch milliseconds. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** Length of a range in ms; 0 for empty, inverted or non-finite ranges. */
export function rangeMs(range: TimeRange): number {
  const ms = range.to - range.from;
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
