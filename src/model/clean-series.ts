import { emptyIssueCounts, type DataIssueCounts } from './data-issues.js';
import { parseSampleValue, parseTimestamp } from './parse-value.js';
import { gapMarker, type Sample, type Series } from './sample.js';

/** Home Assistant states that say "no value": gap markers with `gapValues: 'break'`. */
export const GAP_STATES = ['unavailable', 'unknown'] as const;

export interface CleanSeriesOptions {
  /**
   * What to do with a sample older than the one before it. 'skip' (default) drops it: a logger
   * whose clock jumped back writes such samples, and interleaving them would be wrong. 'sort'
   * keeps it and sorts the series (for inputs known to be merely unordered, e.g. merged queries).
   * Either way it is counted as out_of_order.
   */
  readonly outOfOrder?: 'skip' | 'sort';
  /**
   * What to do with values that say "no value": the HA states in GAP_STATES (any case) and NaN
   * (number or the string 'NaN'). 'skip' (default) drops them like any bad value (counted as
   * non_numeric / nan), so the previous value holds until the staleness limit. 'break' turns them
   * into gap markers (see gapMarker), so the previous value stops holding at that instant; they
   * are counted in `breaks`, not as issues.
   */
  readonly gapValues?: 'skip' | 'break';
}

export interface CleanSeriesResult {
  readonly series: Series;
  readonly issues: DataIssueCounts;
  /** Gap markers in `series` (always 0 unless gapValues is 'break' or the input had markers). */
  readonly breaks: number;
}

/** True when a raw value says "no value" (see CleanSeriesOptions.gapValues). */
export function isGapValue(raw: unknown): boolean {
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (typeof raw !== 'string') return false;
  const text = raw.trim().toLowerCase();
  return text === 'nan' || (GAP_STATES as readonly string[]).includes(text);
}

/**
 * Turns raw rows into a valid `Series`: parses values and timestamps (see parseSampleValue and
 * parseTimestamp for what is accepted), and skips, counting each by reason, bad values, bad
 * timestamps, out-of-order samples and duplicate timestamps (the first sample at a timestamp is
 * kept). Rows that are gap markers already (`gap: true`, whatever their value) stay markers, so a
 * cleaned series cleans to itself; a marker with no value before it, or right after another
 * marker, says nothing and is dropped. Never throws.
 */
export function cleanSeries(
  raw: ReadonlyArray<{ readonly t: unknown; readonly v: unknown; readonly gap?: unknown }>,
  options: CleanSeriesOptions = {},
): CleanSeriesResult {
  const issues = emptyIssueCounts();
  const parsed: Sample[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  const sort = options.outOfOrder === 'sort';
  const breakOnGap = options.gapValues === 'break';
  for (const row of raw) {
    const t = parseTimestamp(row?.t);
    if (!t.ok) {
      issues[t.reason] += 1;
      continue;
    }
    let sample: Sample;
    if (row.gap === true || (breakOnGap && isGapValue(row.v))) sample = gapMarker(t.value);
    else {
      const v = parseSampleValue(row.v);
      if (!v.ok) {
        issues[v.reason] += 1;
        continue;
      }
      sample = { t: t.value, v: v.value };
    }
    if (t.value < latest) {
      issues.out_of_order += 1;
      if (!sort) continue;
    }
    latest = Math.max(latest, t.value);
    parsed.push(sample);
  }
  // Array.prototype.sort is stable, so among equal timestamps the first in input order stays first.
  if (sort) parsed.sort((a, b) => a.t - b.t);
  const series: Sample[] = [];
  let breaks = 0;
  for (const sample of parsed) {
    const last = series[series.length - 1];
    if (last !== undefined && last.t === sample.t) {
      issues.duplicate_timestamp += 1;
      continue;
    }
    if (sample.gap === true) {
      if (last === undefined || last.gap === true) continue;
      breaks += 1;
    }
    series.push(sample);
  }
  return { series, issues, breaks };
}
