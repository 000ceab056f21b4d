/**
 * Why a sample was skipped. Bad input is counted per reason and never thrown (DESIGN.md §11).
 * - missing_value: null or undefined value
 * - nan: NaN value
 * - non_finite: ±Infinity
 * - non_numeric: a string or object that is not a number (see parseSampleValue)
 * - bad_timestamp: a timestamp that is not a finite epoch-ms number, Date or ISO string
 * - out_of_order: a timestamp earlier than the previous accepted one
 * - duplicate_timestamp: a second sample with the same timestamp (the first one is kept)
 * - counter_reset: an energy counter went down (the step is skipped)
 * - counter_jump: an energy counter rose faster than physically plausible (the step is skipped)
 * - unknown_register: a row whose register id / name is not in the provider's table
 * - non_integer_code: an alarm code with a fraction (e.g. averaged by the database), skipped
 */
export const DATA_ISSUE_REASONS = [
  'missing_value',
  'nan',
  'non_finite',
  'non_numeric',
  'bad_timestamp',
  'out_of_order',
  'duplicate_timestamp',
  'counter_reset',
  'counter_jump',
  'unknown_register',
  'non_integer_code',
] as const;

export type DataIssueReason = (typeof DATA_ISSUE_REASONS)[number];

/** Skipped-sample counts, one entry per reason (zeros included, so the shape is stable in JSON). */
export type DataIssueCounts = Record<DataIssueReason, number>;

export function emptyIssueCounts(): DataIssueCounts {
  const counts = {} as DataIssueCounts;
  for (const reason of DATA_ISSUE_REASONS) counts[reason] = 0;
  return counts;
}

/** Sum of several count sets. */
export function mergeIssueCounts(...sets: ReadonlyArray<DataIssueCounts | undefined>): DataIssueCounts {
  const total = emptyIssueCounts();
  for (const set of sets) {
    if (!set) continue;
    for (const reason of DATA_ISSUE_REASONS) total[reason] += set[reason] ?? 0;
  }
  return total;
}

/** Number of skipped samples over all reasons. */
export function totalIssueCount(counts: DataIssueCounts): number {
  return DATA_ISSUE_REASONS.reduce((sum, reason) => sum + (counts[reason] ?? 0), 0);
}
