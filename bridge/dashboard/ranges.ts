/**
 * Time ranges the standalone dashboard serves: the cards' range header (cards/shared/time-range.ts,
 * which needs a DOM and cannot be imported here; a test keeps the two lists equal).
 */
export const DASHBOARD_RANGES = ['1h', '6h', '24h', '7d', '30d', '1y'] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

const HOUR = 3_600_000;
export const DASHBOARD_RANGE_MS: Readonly<Record<DashboardRange, number>> = {
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
  '1y': 365 * 24 * HOUR,
};

export const DEFAULT_RANGE: DashboardRange = '24h';

export function isDashboardRange(value: unknown): value is DashboardRange {
  return typeof value === 'string' && (DASHBOARD_RANGES as readonly string[]).includes(value);
}
