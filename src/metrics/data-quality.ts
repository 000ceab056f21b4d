import { mergeIssueCounts, totalIssueCount, type DataIssueCounts } from '../model/data-issues.js';
import { ROLE_NAMES, type Role } from '../model/role.js';
import type { SeriesByRole } from '../model/sample.js';
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
  /** Samples inside [from, to) (a data-quality count, never used for a metric). */
  readonly samplesInRange: number;
  /** Share of the range with a held (non-stale) value, %. */
  readonly coveragePct: number;
  readonly gapCount: number;
  /** The first MAX_LISTED_GAPS gaps, ascending. */
  readonly gaps: readonly Gap[];
  readonly gapMs: number;
  readonly longestGapMs: number;
  /** Last sample at or before `to` (epoch ms). */
  readonly lastSampleAt: number | null;
  /** No fresh value at the end of the range. */
  readonly stale: boolean;
}

export interface DataQuality {
  readonly rangeMs: number;
  /** Roles with data, in role-table order. */
  readonly roles: readonly RoleQuality[];
  /** Roles with no samples at all. */
  readonly missingRoles: readonly Role[];
  readonly staleRoles: readonly Role[];
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
  const missingRoles: Role[] = [];
  for (const role of ROLE_NAMES) {
    const s = ensured.series[role];
    if (!s || s.length === 0) {
      missingRoles.push(role);
      continue;
    }
    const staleMs = staleMsFor(role, o);
    const result = integrate(s, { from, to, staleMs });
    const last = s[firstIndexAfter(s, to) - 1] ?? null;
    const gapLengths = result.gaps.map((g) => g.to - g.from);
    roles.push({
      role,
      samplesInRange: Math.max(0, firstIndexAtOrAfter(s, to) - firstIndexAtOrAfter(s, from)),
      coveragePct: rangeMs > 0 ? (result.coveredMs / rangeMs) * 100 : 0,
      gapCount: gapLengths.length,
      gaps: result.gaps.slice(0, MAX_LISTED_GAPS),
      gapMs: gapLengths.reduce((a, b) => a + b, 0),
      longestGapMs: gapLengths.reduce((a, b) => Math.max(a, b), 0),
      lastSampleAt: last?.t ?? null,
      stale: !last || to - last.t >= staleMs,
    });
  }
  const all = mergeIssueCounts(issues, ensured.issues);
  return {
    rangeMs,
    roles,
    missingRoles,
    staleRoles: roles.filter((r) => r.stale).map((r) => r.role),
    issues: all,
    skippedSamples: totalIssueCount(all),
  };
}
