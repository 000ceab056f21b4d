import type { DataIssueCounts } from '../model/data-issues.js';
import type { Figure } from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import type { BrandProvider } from '../providers/types.js';
import { alarmStatus, type AlarmStatus } from './alarm.js';
import { copNowFromLedger, rangeCopFromLedger } from './cop.js';
import { energyFromLedger } from './energy.js';
import { buildLedger } from './ledger.js';
import { resolveMetricOptions, staleMsFor, type MetricOptions } from './options.js';
import { periodRange, type PeriodKind } from './periods.js';
import { runtimeFromLedger } from './runtime.js';

/** The KPI tiles. */
export interface KpiSet {
  readonly at: number;
  readonly copNow: Figure;
  /** Period COP of today (local midnight to now), including standby. */
  readonly copToday: Figure;
  /** Period COP of options.kpiPeriod (default: the heating season), including standby. */
  readonly copPeriod: Figure;
  readonly period: { readonly kind: PeriodKind; readonly from: number; readonly to: number };
  /** Compressor hours today. */
  readonly runtimeToday: Figure;
  /** Aux heater hours today. */
  readonly auxRuntimeToday: Figure;
  /** Electricity used today, kWh. */
  readonly energyInToday: Figure;
  /** Heat delivered today, kWh. */
  readonly energyOutToday: Figure;
  readonly alarm: AlarmStatus;
  /** Bad samples found while computing (unclean input, counter resets). */
  readonly issues: DataIssueCounts;
}

export interface KpiQuery {
  readonly series: SeriesByRole;
  readonly now: number;
  readonly options?: Partial<MetricOptions>;
  readonly provider?: Pick<BrandProvider, 'alarms' | 'alarm'>;
  /** 'sv' for Swedish alarm texts, English otherwise. */
  readonly lang?: string;
}

/** Computes the KPI tiles at `now`; "today" and the period are local to options.timeZone. */
export function computeKpis({ series, now, options, provider, lang }: KpiQuery): KpiSet {
  const o = resolveMetricOptions(options);
  const today = periodRange('today', now, o.timeZone, o.heatingSeason);
  const period = periodRange(o.kpiPeriod, now, o.timeZone, o.heatingSeason);
  // The period's ledger checks the input (and counts its issues); the others reuse what it checked.
  const periodLedger = buildLedger(series, { range: period, options: o });
  const checked = periodLedger.series;
  const todayLedger = buildLedger(checked, { range: today, options: o });
  const nowLedger = buildLedger(checked, {
    range: { from: now - o.copNowWindowMs, to: now },
    options: o,
    prefer: 'power',
  });
  const energy = energyFromLedger(todayLedger);
  const runtime = runtimeFromLedger(todayLedger);
  return {
    at: now,
    copNow: copNowFromLedger(nowLedger),
    copToday: rangeCopFromLedger(todayLedger),
    copPeriod: rangeCopFromLedger(periodLedger),
    period: { kind: o.kpiPeriod, from: period.from, to: period.to },
    runtimeToday: runtime.compressorHours,
    auxRuntimeToday: runtime.auxHours,
    energyInToday: energy.electricity,
    energyOutToday: energy.heat,
    alarm: alarmStatus(todayLedger.series, {
      at: now,
      staleMs: staleMsFor('alarm_active', o),
      ...(provider ? { provider } : {}),
      ...(lang ? { lang } : {}),
    }),
    issues: periodLedger.issues,
  };
}
