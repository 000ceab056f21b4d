import type { TimeRange } from '../model/time-range.js';
import { addLocalDays, fromZoned, startOfLocalDay, toZoned } from './zoned-time.js';

/** Named periods of the KPI tiles and sensors. */
export const PERIOD_KINDS = ['today', 'yesterday', '7d', '30d', 'month', 'season'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Heating season by local calendar days, inclusive; may wrap the new year (Sep 1 - May 31). */
export interface HeatingSeason {
  readonly startMonth: number;
  readonly startDay: number;
  readonly endMonth: number;
  readonly endDay: number;
}

export const DEFAULT_HEATING_SEASON: HeatingSeason = { startMonth: 9, startDay: 1, endMonth: 5, endDay: 31 };

/**
 * The time range of a named period at instant `now` in `timeZone`, correct across DST because
 * boundaries are local midnights (a DST day is 23 or 25 h long):
 * - today: [local midnight, now); yesterday: [previous local midnight, local midnight)
 * - 7d / 30d: [same wall-clock time 7 / 30 calendar days ago, now)
 * - month: [local midnight of the 1st, now)
 * - season: the heating season containing `now`, [its first local midnight, now); between seasons
 *   the last complete season [start, day after its end day).
 * Throws a RangeError for an unknown time zone (a configuration error).
 */
export function periodRange(
  kind: PeriodKind,
  now: number,
  timeZone: string,
  season: HeatingSeason = DEFAULT_HEATING_SEASON,
): TimeRange {
  switch (kind) {
    case 'today':
      return { from: startOfLocalDay(now, timeZone), to: now };
    case 'yesterday': {
      const today = startOfLocalDay(now, timeZone);
      const p = toZoned(today, timeZone);
      return { from: fromZoned({ year: p.year, month: p.month, day: p.day - 1 }, timeZone), to: today };
    }
    case '7d':
      return { from: addLocalDays(now, -7, timeZone), to: now };
    case '30d':
      return { from: addLocalDays(now, -30, timeZone), to: now };
    case 'month': {
      const p = toZoned(now, timeZone);
      return { from: fromZoned({ year: p.year, month: p.month, day: 1 }, timeZone), to: now };
    }
    case 'season':
      return seasonRange(now, timeZone, season);
  }
}

function seasonRange(now: number, timeZone: string, s: HeatingSeason): TimeRange {
  const { year } = toZoned(now, timeZone);
  const wraps = s.endMonth < s.startMonth || (s.endMonth === s.startMonth && s.endDay < s.startDay);
  // The season that started most recently (this year's, else last year's) is the current or last one.
  let startYear = year;
  let from = fromZoned({ year, month: s.startMonth, day: s.startDay }, timeZone);
  if (from > now) {
    startYear = year - 1;
    from = fromZoned({ year: startYear, month: s.startMonth, day: s.startDay }, timeZone);
  }
  const end = fromZoned(
    { year: wraps ? startYear + 1 : startYear, month: s.endMonth, day: s.endDay + 1 },
    timeZone,
  );
  return { from, to: Math.min(now, end) };
}
