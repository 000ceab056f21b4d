/** Range choices of the card header and how each is fetched. */
export const RANGES = ['1h', '6h', '24h', '7d', '30d', '1y'] as const;
export type RangeKey = (typeof RANGES)[number];

const HOUR = 3_600_000;
export const RANGE_MS: Record<RangeKey, number> = {
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
  '1y': 365 * 24 * HOUR,
};

export type StatisticsPeriod = '5minute' | 'hour' | 'day';

/**
 * Where a range's data comes from. Raw history is exact but HA keeps it only `purge_keep_days`
 * (10 by default) and it is dense; beyond a week long-term statistics are both available and small.
 */
export function fetchPlan(
  range: RangeKey,
): { kind: 'history' } | { kind: 'statistics'; period: StatisticsPeriod } {
  const ms = RANGE_MS[range];
  if (ms <= RANGE_MS['7d']) return { kind: 'history' };
  return { kind: 'statistics', period: pickStatisticsPeriod(ms) };
}

/** 5-minute statistics up to 2 days, hourly up to 60 days, daily beyond: a few hundred points each. */
export function pickStatisticsPeriod(rangeMs: number): StatisticsPeriod {
  if (rangeMs <= 2 * 24 * HOUR) return '5minute';
  if (rangeMs <= 60 * 24 * HOUR) return 'hour';
  return 'day';
}

/** Interval-COP bucket for a range: about 24-60 bars whatever the range. */
export function copBucketMs(range: RangeKey): number {
  const table: Record<RangeKey, number> = {
    '1h': 5 * 60_000,
    '6h': 15 * 60_000,
    '24h': HOUR,
    '7d': 6 * HOUR,
    '30d': 24 * HOUR,
    '1y': 7 * 24 * HOUR,
  };
  return table[range];
}

/** Window-level event that keeps the ranges of the cards on one view in step. */
export const RANGE_EVENT = 'heatpump-range-changed';
export interface RangeEventDetail {
  range: RangeKey;
  /** Cards only follow events of their own group (config `range_group`, default "default"). */
  group: string;
  source: EventTarget;
}

export function announceRange(detail: RangeEventDetail): void {
  window.dispatchEvent(new CustomEvent<RangeEventDetail>(RANGE_EVENT, { detail }));
}
