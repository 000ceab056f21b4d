/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no library): the core must stay pure
 * and small. DST-safe: a local day is found by its local midnights, never by adding 24 h.
 */

/** A wall-clock date-time in some zone; month 1-12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock time of instant `t` (epoch ms) in `timeZone`. Throws RangeError for an unknown zone. */
export function toZoned(t: number, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const millisecond = ((t % 1000) + 1000) % 1000;
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    millisecond,
  };
}

/** UTC offset of `timeZone` at instant `t`, in ms (Stockholm winter: +3 600 000). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const p = toZoned(t, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - t;
}

/**
 * The instant of a wall-clock time in `timeZone`. Fields may overflow (day 0, day 32, month 13)
 * and are normalised like Date.UTC does. An ambiguous time (autumn repeat) gives the earlier
 * instant; a time in a spring gap is moved forward by the gap (02:30 -> 03:30), as Temporal's
 * 'compatible' disambiguation does.
 */
export function fromZoned(
  local: Partial<LocalDateTime> & Pick<LocalDateTime, 'year' | 'month' | 'day'>,
  timeZone: string,
): number {
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
    local.millisecond ?? 0,
  );
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(t, timeZone) === wall);
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

/** Local midnight starting the day that contains `t`. */
export function startOfLocalDay(t: number, timeZone: string): number {
  const p = toZoned(t, timeZone);
  return fromZoned({ year: p.year, month: p.month, day: p.day }, timeZone);
}

/** The same wall-clock time `days` calendar days later (negative: earlier); 23 or 25 h over DST. */
export function addLocalDays(t: number, days: number, timeZone: string): number {
  const p = toZoned(t, timeZone);
  return fromZoned({ ...p, day: p.day + days }, timeZone);
}

/** Local midnights strictly inside (from, to), ascending: daily bucket boundaries across DST. */
export function localMidnightsBetween(from: number, to: number, timeZone: string): number[] {
  const out: number[] = [];
  const first = toZoned(from, timeZone);
  // Counting days from one anchor keeps every boundary at a local midnight, even in zones where a
  // midnight falls in a DST gap.
  for (let i = 1; i <= 100_000; i += 1) {
    const t = fromZoned({ year: first.year, month: first.month, day: first.day + i }, timeZone);
    if (t >= to) break;
    if (t > from) out.push(t);
  }
  return out;
}
