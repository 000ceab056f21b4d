import type { Series, SeriesByRole } from '../model/sample.js';
import { alarmInfo } from '../providers/describe-alarm.js';
import type { AlarmTable, BrandProvider, Severity } from '../providers/types.js';
import { ensureSeriesByRole } from './ensure-series.js';
import { firstIndexAfter, valueAt } from './segments.js';

/** The alarm tile: what is known about alarms at one instant. */
export interface AlarmStatus {
  /** An alarm is active; null when unknown (no fresh flag, or a last-alarm code without a flag). */
  readonly active: boolean | null;
  /** Latest alarm code sample at or before the instant (codes hold until changed; never averaged). */
  readonly code: number | null;
  /** The code is the LAST alarm, which may have cleared (IVT BA91). */
  readonly codeIsLast: boolean;
  /** Text of the code in the requested language; null for no code or code 0. */
  readonly text: string | null;
  /** Severity while active (unknown codes: error); null when not active. */
  readonly severity: Severity | null;
  /** Start of the current active state (epoch ms); null when not active or unknown. */
  readonly since: number | null;
}

export interface AlarmQuery {
  readonly at: number;
  /** Brand semantics and alarm table; without it codes are "unknown alarm N". */
  readonly provider?: Pick<BrandProvider, 'alarms' | 'alarm'>;
  readonly lang?: string;
  /** How long the alarm flag holds (ms). */
  readonly staleMs: number;
}

const NO_TABLE: { alarms: AlarmTable } = { alarms: {} };

/** The latest code at or before `at`; null without one or after a gap marker (code unknown). */
function latestAtOrBefore(series: Series | undefined, at: number): number | null {
  if (!series) return null;
  const sample = series[firstIndexAfter(series, at) - 1];
  return sample === undefined || sample.gap === true ? null : sample.v;
}

function activeSince(series: Series, at: number): number | null {
  let i = firstIndexAfter(series, at) - 1;
  let since: number | null = null;
  // A gap marker's NaN is not > 0: an active stretch never reaches back across a gap.
  while (i >= 0 && (series[i]?.v ?? 0) > 0) {
    since = series[i]?.t ?? null;
    i -= 1;
  }
  return since;
}

/**
 * Alarm state at `at`. active = alarm_active held value > 0 (stale flag -> unknown); without a flag,
 * active = code != 0 only when the brand's code register holds the ACTIVE code. A last-alarm code
 * (codeIsLastNotActive) never makes an alarm active by itself: the original system's permanent
 * IVT alarm is not repeated.
 */
export function alarmStatus(input: SeriesByRole, query: AlarmQuery): AlarmStatus {
  const { series } = ensureSeriesByRole(input);
  const codeIsLast = query.provider?.alarm.codeIsLastNotActive ?? false;
  const code = latestAtOrBefore(series.alarm_code, query.at);
  let active: boolean | null = null;
  let since: number | null = null;
  if (series.alarm_active && series.alarm_active.length > 0) {
    const flag = valueAt(series.alarm_active, query.at, query.staleMs);
    active = flag === undefined ? null : flag > 0;
    if (active) since = activeSince(series.alarm_active, query.at);
  } else if (code !== null && !codeIsLast) {
    const fresh = series.alarm_code && valueAt(series.alarm_code, query.at, query.staleMs) !== undefined;
    active = fresh ? code !== 0 : null;
    if (active && series.alarm_code) since = activeSince(series.alarm_code, query.at);
  }
  const info = code !== null && code !== 0 ? alarmInfo(query.provider ?? NO_TABLE, code) : null;
  return {
    active,
    code,
    codeIsLast,
    text: info ? (query.lang === 'sv' ? info.sv : info.en) : null,
    severity: active ? (info?.severity ?? 'error') : null,
    since,
  };
}
