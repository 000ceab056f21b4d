export { ROLES, ROLE_NAMES, isRole, roleInfo } from './role.js';
export type { Role, RoleInfo, RoleKind } from './role.js';
export type { Sample, Series, SeriesByRole, ChartPoint } from './sample.js';
export { gapMarker, isGap, hasValues } from './sample.js';
export {
  FIGURE_REASON_CODES,
  measured,
  estimated,
  unavailable,
  unavailableFor,
  reasonOf,
  withNotes,
  figureOf,
  figureValue,
  isAvailable,
} from './figure.js';
export type { Figure, FigureReasonCode, Reason } from './figure.js';
export { DATA_ISSUE_REASONS, emptyIssueCounts, mergeIssueCounts, totalIssueCount } from './data-issues.js';
export type { DataIssueReason, DataIssueCounts } from './data-issues.js';
export { parseSampleValue, parseTimestamp } from './parse-value.js';
export type { Parsed } from './parse-value.js';
export { GAP_STATES, cleanSeries, isGapValue, orderSamples } from './clean-series.js';
export type { CleanSeriesOptions, CleanSeriesResult } from './clean-series.js';
export { rangeMs } from './time-range.js';
export type { TimeRange } from './time-range.js';
