import { mergeIssueCounts, totalIssueCount, type DataIssueCounts } from '../model/data-issues.js';
import { ROLE_NAMES, type Role } from '../model/role.js';
import { measured, unavailable, type Figure } from '../model/figure.js';
import type { Sample, Series, SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { ensureSeriesByRole } from './ensure-series.js';
import { integrate, type Gap } from './integrate.js';
import { resolveMetricOptions, staleMsFor, type MetricOptions } from './options.js';
import { firstIndexAfter, firstIndexAtOrAfter } from './segments.js';

/** Gaps listed per role; the count and total cover all of them. */
const MAX_LISTED_GAPS = 20;

/** Data quality of one role over a range. */
export interface RoleQuality {
  readonly role: Role;
  /** Samples inside [from, to), gap markers not counted (a data-quality count, never used for a metric). */
  readonly samplesInRange: number;
  /** Share of the range with a held (non-stale) value, %. */
  readonly coveragePct: number;
  readonly gapCount: number;
  /** The first MAX_LISTED_GAPS gaps, ascending. */
  readonly gaps: readonly Gap[];
  readonly gapMs: number;
  readonly longestGapMs: number;
  /** Last sample at or before `to` (epoch ms), gap markers not counted. */
  readonly lastSampleAt: number | null;
  /** No fresh value at the end of the range (stale, or a gap marker after the last sample). */
  readonly stale: boolean;
}

export interface DataQuality {
  readonly rangeMs: number;
  /** Roles with data, in role-table order. */
  readonly roles: readonly RoleQuality[];
  /** Roles with no samples at all. */
  readonly missingRoles: readonly Role[];
  readonly staleRoles: readonly Role[];
  /**
   * One figure for the whole input: the time-weighted mean coverage of the roles present,
   * Σ covered ms over those roles / (number of roles x range ms) x 100 % (equal to the plain mean
   * of their coveragePct, as every role is measured over the same range). Missing roles do not
   * count: a brand that never logs a role is not penalised for it. Unavailable for an empty range
   * or when no role has data.
   */
  readonly overallCoveragePct: Figure;
  /** Bad samples skipped, by reason (input issues + unclean series + counter resets/jumps). */
  readonly issues: DataIssueCounts;
  readonly skippedSamples: number;
}

/** Coverage, gaps and staleness per role (hold-last-value with staleness), plus skipped samples. */
export function dataQuality(
  input: SeriesByRole,
  { from, to, options, issues }: TimeRange & { options?: Partial<MetricOptions>; issues?: DataIssueCounts },
): DataQuality {
  const o = resolveMetricOptions(options);
  const ensured = ensureSeriesByRole(input);
  const rangeMs = Math.max(0, to - from);
  const roles: RoleQuality[] = [];
  let coveredMs = 0;
  const missingRoles: Role[] = [];
  for (const role of ROLE_NAMES) {
    const s = ensured.series[role];
    if (!s || s.length === 0) {
      missingRoles.push(role);
      continue;
    }
    const staleMs = staleMsFor(role, o);
    const result = integrate(s, { from, to, staleMs });
    const latest = firstIndexAfter(s, to) - 1;
    const last = lastValueAtOrBefore(s, latest);
    const gapLengths = result.gaps.map((g) => g.to - g.from);
    roles.push({
      role,
      samplesInRange: valuesBetween(s, firstIndexAtOrAfter(s, from), firstIndexAtOrAfter(s, to)),
      coveragePct: rangeMs > 0 ? (result.coveredMs / rangeMs) * 100 : 0,
      gapCount: gapLengths.length,
      gaps: result.gaps.slice(0, MAX_LISTED_GAPS),
      gapMs: gapLengths.reduce((a, b) => a + b, 0),
      longestGapMs: gapLengths.reduce((a, b) => Math.max(a, b), 0),
      lastSampleAt: last?.t ?? null,
      stale: !last || to - last.t >= staleMs || s[latest]?.gap === true,
    });
    coveredMs += result.coveredMs;
  }
  const all = mergeIssueCounts(issues, ensured.issues);
  return {
    rangeMs,
    roles,
    missingRoles,
    staleRoles: roles.filter((r) => r.stale).map((r) => r.role),
    issues: all,
    skippedSamples: totalIssueCount(all),
    overallCoveragePct: overallCoverage({ coveredMs, roles: roles.length, rangeMs }),
  };
}

function overallCoverage({
  coveredMs,
  roles,
  rangeMs,
}: {
  coveredMs: number;
  roles: number;
  rangeMs: number;
}): Figure {
  if (rangeMs === 0) return unavailable('empty range', 'empty_range');
  if (roles === 0) return unavailable('no data in range', 'no_data');
  return measured((coveredMs / (roles * rangeMs)) * 100, '%');
}

/** The last value sample at or before index `i` (skipping gap markers). */
function lastValueAtOrBefore(s: Series, i: number): Sample | null {
  for (let k = i; k >= 0; k -= 1) {
    const sample = s[k];
    if (sample !== undefined && sample.gap !== true) return sample;
  }
  return null;
}

/** Value samples (not gap markers) with index in [start, end). */
function valuesBetween(s: Series, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k += 1) if (s[k]?.gap !== true) n += 1;
  return n;
}
