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
  const breakOnGap = options.gapValues === 'break';
  const parsed: Sample[] = [];
  for (const row of raw) {
    const sample = parseRow(row, breakOnGap, issues);
    if (sample !== undefined) parsed.push(sample);
  }
  return orderSamples(parsed, options, issues);
}

/**
 * The ordering half of cleanSeries, for samples already parsed (finite `t`, finite `v` or a gap
 * marker), e.g. by mapRows, which would otherwise pay for a second parse and a second object per
 * row. Out-of-order samples are dropped or sorted (options.outOfOrder), duplicate timestamps
 * and pointless gap markers dropped, all counted into `issues`. Works in place: `samples` is
 * reordered and compacted and becomes the returned series, so the caller must own it.
 */
export function orderSamples(
  samples: Sample[],
  options: CleanSeriesOptions = {},
  issues: DataIssueCounts = emptyIssueCounts(),
): CleanSeriesResult {
  const sort = options.outOfOrder === 'sort';
  let latest = Number.NEGATIVE_INFINITY;
  let unordered = false;
  let kept = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i] as Sample;
    if (sample.t < latest) {
      issues.out_of_order += 1;
      if (!sort) continue;
      unordered = true;
    } else latest = sample.t;
    samples[kept++] = sample;
  }
  samples.length = kept;
  // Array.prototype.sort is stable, so among equal timestamps the first in input order stays first.
  // Input found in order (the usual case, one stream per role) needs no sort at all.
  if (unordered) samples.sort((a, b) => a.t - b.t);
  let breaks = 0;
  let out = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i] as Sample;
    const last = out > 0 ? samples[out - 1] : undefined;
    if (last !== undefined && last.t === sample.t) {
      issues.duplicate_timestamp += 1;
      continue;
    }
    if (sample.gap === true) {
      // A marker with no value before it, or right after another marker, says nothing.
      if (last === undefined || last.gap === true) continue;
      breaks += 1;
    }
    samples[out++] = sample;
  }
  samples.length = out;
  return { series: samples, issues, breaks };
}

/** One row as a sample, or undefined (its issue counted). */
function parseRow(
  row: { readonly t: unknown; readonly v: unknown; readonly gap?: unknown },
  breakOnGap: boolean,
  issues: DataIssueCounts,
): Sample | undefined {
  const rawT = row?.t;
  let t: number;
  // Numbers (what the transports and the cards hand over) skip the general parsers' result objects.
  if (typeof rawT === 'number' && Number.isFinite(rawT)) t = rawT;
  else {
    const parsedT = parseTimestamp(rawT);
    if (!parsedT.ok) {
      issues[parsedT.reason] += 1;
      return undefined;
    }
    t = parsedT.value;
  }
  if (row.gap === true || (breakOnGap && isGapValue(row.v))) return gapMarker(t);
  const rawV = row.v;
  if (typeof rawV === 'number' && Number.isFinite(rawV)) return { t, v: rawV };
  const v = parseSampleValue(rawV);
  if (!v.ok) {
    issues[v.reason] += 1;
    return undefined;
  }
  return { t, v: v.value };
}
