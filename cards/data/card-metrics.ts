/**
 * The cards' only door to the core's metrics: SeriesByRole in, chart-ready figures out. Every number
 * here is computed by src/metrics, exactly as the bridge computes its sensors; this file only picks
 * the functions, the ranges and the options that suit HA's data.
 */
import {
  bucketEdges,
  buildLedger,
  copNowFromLedger,
  deltaTSeriesFromLedger,
  energyFlowFromLedger,
  energyFromLedger,
  intervalCopFromLedger,
  rangeCopFromLedger,
  periodRange,
  resolveMetricOptions,
  runtimeFromLedger,
  runtimeShares,
} from '../../src/metrics/index.js';
import type { MetricOptions } from '../../src/metrics/index.js';
import { measured } from '../../src/model/index.js';
import type { Figure, SeriesByRole } from '../../src/model/index.js';
import type { Point } from '../options/common.js';
import type { EnergyFlowData } from '../options/energy-flow-options.js';
import type { KpiFigures } from '../options/kpi-tiles.js';
import type { LiveState } from './data-source.js';
import { HA_STALE_MS } from './hold-time.js';

export interface MetricRange {
  from: number;
  to: number;
  /** IANA zone of "today"; HA's configured zone, else the browser's */
  timeZone?: string;
}

export function metricOptions(range: MetricRange): Partial<MetricOptions> {
  const timeZone = range.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { staleMs: HA_STALE_MS, ...(timeZone ? { timeZone } : {}) };
}

export interface CopView {
  /** one point per bucket, at its middle; null where the bucket's COP is unknown */
  intervalCop: Point[];
  /** sum heat / sum electricity over [from, to), standby included */
  period: Figure;
}

export function copView(series: SeriesByRole, range: MetricRange & { bucketMs: number }): CopView {
  const { from, to, bucketMs } = range;
  const edges = bucketEdges({ from, to, bucketMs });
  // One ledger cut at the bucket edges serves both: the period sums are the buckets' sums.
  const ledger = buildLedger(series, {
    range: { from, to },
    options: resolveMetricOptions(metricOptions(range)),
    cuts: edges,
  });
  const buckets = intervalCopFromLedger(ledger, edges);
  return {
    intervalCop: buckets.map((b) => ({ t: (b.start + b.end) / 2, v: b.cop })),
    period: rangeCopFromLedger(ledger),
  };
}

/** Why a view has nothing to show: the core's English reason and, when it gives one, its code. */
export interface Unavailable {
  reason: string;
  code?: string;
}

/** Hours per state over [from, to), summing to the time the compressor state is known. */
export type RuntimeView =
  { heating: number; hotWater: number; auxHeater: number; idle: number } | Unavailable;

export function runtimeView(series: SeriesByRole, range: MetricRange): RuntimeView {
  const figures = runtimeShares(series, { from: range.from, to: range.to, options: metricOptions(range) });
  if (figures.compressorHeatingPct.status === 'unavailable') return figures.compressorHeatingPct;
  const b = figures.breakdown;
  const h = (ms: number) => ms / 3_600_000;
  return {
    heating: h(b.compressorHeatingMs),
    hotWater: h(b.compressorHotWaterMs),
    auxHeater: h(b.auxOnlyMs),
    idle: h(b.idleMs),
  };
}

export interface DeltaTView {
  /** supply - return while running, K */
  supply: Point[];
  /** brine in - out, K */
  brine: Point[];
}

export function deltaTView(series: SeriesByRole, range: MetricRange): DeltaTView {
  const ledger = buildLedger(series, {
    range: { from: range.from, to: range.to },
    options: resolveMetricOptions(metricOptions(range)),
  });
  const pairOf = (pair: 'supply_return' | 'brine') => deltaTSeriesFromLedger(ledger, pair);
  const nonEmpty = (points: Point[]) => (points.some((p) => p.v !== null) ? points : []);
  return { supply: nonEmpty(pairOf('supply_return')), brine: nonEmpty(pairOf('brine')) };
}

export type EnergyFlowView = EnergyFlowData | Unavailable;

export function energyFlowView(series: SeriesByRole, range: MetricRange): EnergyFlowView {
  const ledger = buildLedger(series, {
    range: { from: range.from, to: range.to },
    options: resolveMetricOptions(metricOptions(range)),
  });
  const flow = energyFlowFromLedger(ledger);
  if (flow.status === 'unavailable') return flow;
  return {
    links: flow.value.links.map((l) => ({ source: l.source, target: l.target, value: l.kwh })),
    estimated: flow.status === 'estimated',
    note: flow.status === 'estimated' ? { basis: flow.basis, code: flow.code } : undefined,
  };
}

export interface HeatPowerView {
  /** heat-pump heat power, W, as steps: each ledger segment's mean from its start to its end */
  points: Point[];
  /** what an estimate rests on (the flow-factor method); absent when a meter measured it */
  estimate?: { basis: string; code?: string };
}

/**
 * Heat power from the core's heat source for the range: with no heat meter, the flow-factor estimate
 * flowFactorKwPerK x (supply - return) while the compressor runs, 0 W while it is off, exactly as the
 * core's ledger computes heat energy (see src/metrics/ledger.ts).
 */
export function heatPowerView(series: SeriesByRole, range: MetricRange): HeatPowerView | Unavailable {
  const ledger = buildLedger(series, {
    range: { from: range.from, to: range.to },
    options: resolveMetricOptions(metricOptions(range)),
    prefer: 'power',
  });
  if (!ledger.heatSource) return { reason: ledger.heatMissing ?? 'no heat signal', code: 'no_heat_signal' };
  const points: Point[] = [];
  const c = ledger.columns;
  for (let i = 0; i < c.length; i += 1) {
    const start = c.start[i] as number;
    const end = c.end[i] as number;
    const kwh = c.hpHeatKwh[i] as number;
    const hours = (end - start) / 3_600_000;
    const v = Number.isNaN(kwh) || hours <= 0 ? null : (kwh * 1000) / hours;
    const last = points[points.length - 1];
    // Equal neighbours merge into one step; a changed value starts a new one at the segment start.
    if (last && last.v === v && points.length >= 2) points[points.length - 1] = { t: end, v };
    else points.push({ t: start, v }, { t: end, v });
  }
  const source = ledger.heatSource;
  return source.status === 'estimated'
    ? { points, estimate: { basis: source.basis, code: 'flow_factor' } }
    : { points };
}

export interface KpiInput extends MetricRange {
  now: number;
  /** published figures of the bridge, preferred over computing when present */
  copNowEntity?: LiveState;
  copTodayEntity?: LiveState;
  alarmEntity?: LiveState;
}

/** KPI tiles: like the core's computeKpis, but "period" is the card's range and the alarm is an HA entity. */
export function kpiFigures(series: SeriesByRole, input: KpiInput): KpiFigures {
  const options = resolveMetricOptions(metricOptions(input));
  const today = periodRange('today', input.now, options.timeZone, options.heatingSeason);
  const rangeLedger = buildLedger(series, { range: { from: input.from, to: input.to }, options });
  // The input checked once, by the first ledger (see ensureSeriesByRole).
  const checked = rangeLedger.series;
  const todayLedger = buildLedger(checked, { range: today, options });
  const nowLedger = buildLedger(checked, {
    range: { from: input.now - options.copNowWindowMs, to: input.now },
    options,
    prefer: 'power',
  });
  const energy = energyFromLedger(todayLedger);
  const published = (s: LiveState | undefined): Figure | undefined =>
    s && Number.isFinite(s.value) ? measured(s.value, '') : undefined;
  return {
    copNow: published(input.copNowEntity) ?? copNowFromLedger(nowLedger),
    copToday: published(input.copTodayEntity) ?? rangeCopFromLedger(todayLedger),
    copRange: rangeCopFromLedger(rangeLedger),
    runtimeToday: runtimeFromLedger(todayLedger).compressorHours,
    energyIn: energy.electricity,
    energyOut: energy.heat,
    alarm: alarmOf(input.alarmEntity),
  };
}

/** Alarm tile: on/off of the alarm entity, with its text attribute when the source gives one. */
function alarmOf(state: LiveState | undefined): KpiFigures['alarm'] {
  if (!state || !Number.isFinite(state.value)) return null;
  const a = state.attributes;
  const text = [a.alarm_text, a.text, a.message, a.description].find(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  return { active: state.value > 0, text };
}
