import {
  buildLedger,
  computeKpis,
  computePeriodMetrics,
  rangeCopFromLedger,
  periodRange,
  type MetricOptions,
  type PeriodKind,
} from '../../src/metrics/index.js';
import type { Role, SeriesByRole } from '../../src/model/index.js';
import type { BrandProvider } from '../../src/providers/index.js';
import type { Snapshot } from '../publish/snapshot.js';
import { alarmView, currentValues, powerNow, statesNow } from './current-state.js';
import { dataQualityView, runtimeView } from './runtime-view.js';

export interface WindowedSeries {
  series: SeriesByRole;
  /** Aggregation window of the series (ms): values hold at least this long. */
  windowMs: number;
}

export interface SnapshotInput {
  now: number;
  /** At least [min(local midnight, now - 24 h), now), fine windows. */
  recent: WindowedSeries;
  /** Covers 30 d and the heating season at coarse windows; undefined until first loaded. */
  long: WindowedSeries | undefined;
  options: MetricOptions;
  provider: BrandProvider;
}

const DAY = 86_400_000;

/**
 * A sample holds for at least two windows of an aggregated series (otherwise every window edge is
 * a gap), and the metrics learn the window so the flow-factor heat reads whole windows.
 */
export function optionsForWindow(options: MetricOptions, windowMs: number): MetricOptions {
  return { ...options, staleMs: Math.max(options.staleMs, 2 * windowMs), sampleWindowMs: windowMs };
}

/**
 * One cycle's figures, all from the core (DESIGN.md section 6): the KPI set for now and today,
 * the period metrics of the last 24 h, and period COPs of 7 d, 30 d and the season. Pure.
 */
export function computeSnapshot(input: SnapshotInput): Snapshot {
  const { now, recent, provider } = input;
  const o = optionsForWindow(input.options, recent.windowMs);
  // kpiPeriod today: the recent series cannot answer longer periods; those come from `long`.
  const kpis = computeKpis({ series: recent.series, now, options: { ...o, kpiPeriod: 'today' }, provider });
  const day = computePeriodMetrics({
    series: recent.series,
    range: { from: now - DAY, to: now },
    options: o,
  });
  const nowLedger = buildLedger(recent.series, {
    range: { from: now - Math.max(o.copNowWindowMs, 2 * recent.windowMs), to: now },
    options: o,
    prefer: 'power',
  });
  const longPart = longFigures(input);
  const quality = dataQualityView(day.dataQuality);
  return {
    at: now,
    cop: { now: kpis.copNow, today: kpis.copToday, ...longPart.cop },
    spf: longPart.spf,
    energy: {
      electricalToday: kpis.energyInToday,
      heatToday: kpis.energyOutToday,
      electricalTotal: longPart.electricalTotal,
      heatTotal: longPart.heatTotal,
      since: longPart.since,
    },
    runtime24h: runtimeView(day),
    deltaT: day.deltaT,
    current: currentValues(recent.series, now, o),
    power: powerNow({ series: recent.series, ledger: nowLedger, now, options: o }),
    states: statesNow({ series: recent.series, ledger: nowLedger, now, options: o }),
    alarm: alarmView(kpis.alarm, recent.series),
    dataQuality: quality.figure,
    dataQualityDetail: quality.detail,
    rolesFound: day.dataQuality.roles.map((r) => r.role).sort() as Role[],
  };
}

function longFigures(input: SnapshotInput): {
  cop: Pick<Snapshot['cop'], 'd7' | 'd30' | 'season'>;
  spf: Snapshot['spf'];
  electricalTotal: Snapshot['energy']['electricalTotal'];
  heatTotal: Snapshot['energy']['heatTotal'];
  since: number;
} {
  const { now, long } = input;
  const season = periodRange('season', now, input.options.timeZone, input.options.heatingSeason);
  if (long === undefined) {
    const loading = { status: 'unavailable', reason: 'history is still loading' } as const;
    return {
      cop: { d7: loading, d30: loading, season: loading },
      spf: { figure: loading, boundary: null, description: 'history is still loading' },
      electricalTotal: loading,
      heatTotal: loading,
      since: season.from,
    };
  }
  const o = optionsForWindow(input.options, long.windowMs);
  // Only the standby-inclusive COP is published for 7 d and 30 d: one pass, not periodCop's four.
  const cop = (kind: PeriodKind) =>
    rangeCopFromLedger(
      buildLedger(long.series, { range: periodRange(kind, now, o.timeZone, o.heatingSeason), options: o }),
    );
  const seasonMetrics = computePeriodMetrics({ series: long.series, range: season, options: o });
  return {
    cop: { d7: cop('7d'), d30: cop('30d'), season: seasonMetrics.cop.includingStandby },
    spf: {
      figure: seasonMetrics.spf.figure,
      boundary: seasonMetrics.spf.boundary,
      description: seasonMetrics.spf.description,
    },
    electricalTotal: seasonMetrics.energy.electricity,
    heatTotal: seasonMetrics.energy.heat,
    since: season.from,
  };
}
