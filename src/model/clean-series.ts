import { emptyIssueCounts, type DataIssueCounts } from './data-issues.js';
import { parseSampleValue, parseTimestamp } from './parse-value.js';
import type { Sample, Series } from './sample.js';

export interface CleanSeriesOptions {
  /**
   * What to do with a sample older than the one before it. 'skip' (default) drops it: a logger
   * whose clock jumped back writes such samples, and interleaving them would be wrong. 'sort'
   * keeps it and sorts the series (for inputs known to be merely unordered, e.g. merged queries).
   * Either way it is counted as out_of_order.
   */
  readonly outOfOrder?: 'skip' | 'sort';
}

export interface CleanSeriesResult {
  readonly series: Series;
  readonly issues: DataIssueCounts;
}

/**
 * Turns raw rows into a valid `Series`: parses values and timestamps (see parseSampleValue and
 * parseTimestamp for what is accepted), and skips, counting each by reason, bad values, bad
 * timestamps, out-of-order samples and duplicate timestamps (the first sample at a timestamp is
 * kept). Never throws.
 */
export function cleanSeries(
  raw: ReadonlyArray<{ readonly t: unknown; readonly v: unknown }>,
  options: CleanSeriesOptions = {},
): CleanSeriesResult {
  const issues = emptyIssueCounts();
  const parsed: Sample[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  const sort = options.outOfOrder === 'sort';
  for (const row of raw) {
    const t = parseTimestamp(row?.t);
    if (!t.ok) {
      issues[t.reason] += 1;
      continue;
    }
    const v = parseSampleValue(row?.v);
    if (!v.ok) {
      issues[v.reason] += 1;
      continue;
    }
    if (t.value < latest) {
      issues.out_of_order += 1;
      if (!sort) continue;
    }
    latest = Math.max(latest, t.value);
    parsed.push({ t: t.value, v: v.value });
  }
  // Array.prototype.sort is stable, so among equal timestamps the first in input order stays first.
  if (sort) parsed.sort((a, b) => a.t - b.t);
  const series: Sample[] = [];
  for (const sample of parsed) {
    const last = series[series.length - 1];
    if (last !== undefined && last.t === sample.t) {
      issues.duplicate_timestamp += 1;
      continue;
    }
    series.push(sample);
  }
  return { series, issues };
}
