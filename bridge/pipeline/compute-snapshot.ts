import {
  estimated,
  measured,
  unavailable,
  type Figure,
  type Role,
  type SeriesByRole,
} from '../../src/model/index.js';
import { alarmInfo, type BrandProvider } from '../../src/providers/index.js';
import { copNowFromLedger, periodCopFromLedger } from '../../src/metrics/cop.js';
import { energyFromLedger } from '../../src/metrics/energy.js';
import { integrate } from '../../src/metrics/integrate.js';
import { buildLedger } from '../../src/metrics/ledger.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import { periodRange } from '../../src/metrics/periods.js';
import { spfFromLedger } from '../../src/metrics/spf.js';
import type { Snapshot } from '../publish/snapshot.js';
import { runtimeSummary } from './runtime-summary.js';

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
const CURRENT_ROLES: readonly Role[] = [
  'outdoor_temp',
  'indoor_temp',
  'supply_temp',
  'return_temp',
  'hot_water_temp',
  'brine_in_temp',
  'brine_out_temp',
  'hot_gas_temp',
  'degree_minutes',
];

/** A sample holds for at least two windows of an aggregated series; otherwise every window edge is a gap. */
export function optionsForWindow(options: MetricOptions, windowMs: number): MetricOptions {
  return { ...options, staleMs: Math.max(options.staleMs, 2 * windowMs) };
}

/** One cycle's figures from the core's metrics (DESIGN.md section 6). Pure. */
export function computeSnapshot(input: SnapshotInput): Snapshot {
  const { now, recent, provider } = input;
  const o = optionsForWindow(input.options, recent.windowMs);
  const today = periodRange('today', now, o.timeZone, o.heatingSeason);
  const day = { from: now - DAY, to: now };
  const todayLedger = buildLedger(recent.series, { range: today, options: o });
  const dayLedger = buildLedger(recent.series, { range: day, options: o });
  const nowLedger = buildLedger(recent.series, {
    range: { from: now - Math.max(o.copNowWindowMs, 2 * recent.windowMs), to: now },
    options: o,
    prefer: 'power',
  });
  const todayEnergy = energyFromLedger(todayLedger);
  const runtime = runtimeSummary(dayLedger);

  const current: Partial<Record<Role, Figure>> = {};
  for (const role of CURRENT_ROLES) {
    const v = latest(recent.series, role, now, o.staleMs);
    if (v !== undefined) current[role] = measured(v, '');
  }

  const longPart = longFigures(input);
  const lastSeg = [...nowLedger.segments]
    .reverse()
    .find((s) => s.running !== undefined || s.hotWater !== undefined);
  const alarm = alarmFigures(recent.series, provider, now, o.staleMs);

  return {
    at: now,
    cop: {
      now: copNowFromLedger(nowLedger),
      today: periodCopFromLedger(todayLedger).includingStandby,
      ...longPart.cop,
    },
    spfBoundary: longPart.spfBoundary,
    energy: {
      electricalToday: todayEnergy.electricity,
      heatToday: todayEnergy.heat,
      electricalTotal: longPart.electricalTotal,
      heatTotal: longPart.heatTotal,
      since: longPart.since,
    },
    runtime24h: runtime,
    deltaT: {
      supplyReturn: meanDelta(dayLedger.segments, (s) =>
        s.running === true && s.supplyC !== undefined && s.returnC !== undefined
          ? s.supplyC - s.returnC
          : undefined,
      ),
      brine: meanDelta(dayLedger.segments, (s) =>
        s.running === true && s.brineInC !== undefined && s.brineOutC !== undefined
          ? s.brineInC - s.brineOutC
          : undefined,
      ),
    },
    current,
    power: {
      electrical: powerFigure(recent.series, 'electrical_power', now, o.staleMs),
      heat: heatPowerFigure(recent.series, nowLedger.segments, now, o),
      auxHeater: (() => {
        const kw = latest(recent.series, 'aux_heater', now, o.staleMs);
        return kw === undefined
          ? unavailable('no aux heater signal')
          : estimated(kw, 'kW', 'aux heater nominal kW x level');
      })(),
    },
    states: {
      compressorRunning:
        lastSeg?.running === undefined
          ? unavailable('no current compressor state')
          : measured(lastSeg.running, ''),
      auxHeaterOn: (() => {
        const kw = latest(recent.series, 'aux_heater', now, o.staleMs);
        return kw === undefined ? unavailable('no aux heater signal') : measured(kw > 0, '');
      })(),
      hotWaterMode:
        lastSeg?.hotWater === undefined ? unavailable('no valve signal') : measured(lastSeg.hotWater, ''),
    },
    alarm,
    dataQuality: dataQuality(recent.series, day, o.staleMs),
    rolesFound: (Object.keys(recent.series) as Role[])
      .filter((r) => (recent.series[r]?.length ?? 0) > 0)
      .sort(),
  };
}

function longFigures(input: SnapshotInput): {
  cop: { d7: Figure; d30: Figure; season: Figure };
  spfBoundary: string | undefined;
  electricalTotal: Figure;
  heatTotal: Figure;
  since: number;
} {
  const { now, long } = input;
  const season = periodRange('season', now, input.options.timeZone, input.options.heatingSeason);
  if (long === undefined) {
    const loading = unavailable('history is still loading');
    return {
      cop: { d7: loading, d30: loading, season: loading },
      spfBoundary: undefined,
      electricalTotal: loading,
      heatTotal: loading,
      since: season.from,
    };
  }
  const o = optionsForWindow(input.options, long.windowMs);
  const cop = (kind: '7d' | '30d' | 'season'): Figure => {
    const range = periodRange(kind, now, o.timeZone, o.heatingSeason);
    return periodCopFromLedger(buildLedger(long.series, { range, options: o })).includingStandby;
  };
  const seasonLedger = buildLedger(long.series, { range: season, options: o });
  const energy = energyFromLedger(seasonLedger);
  const spf = spfFromLedger(seasonLedger);
  return {
    cop: { d7: cop('7d'), d30: cop('30d'), season: cop('season') },
    spfBoundary: spf.boundary ?? undefined,
    electricalTotal: energy.electricity,
    heatTotal: energy.heat,
    since: season.from,
  };
}

function latest(series: SeriesByRole, role: Role, now: number, staleMs: number): number | undefined {
  const s = series[role];
  const last = s?.[s.length - 1];
  return last !== undefined && now - last.t <= staleMs ? last.v : undefined;
}

function powerFigure(series: SeriesByRole, role: Role, now: number, staleMs: number): Figure {
  const v = latest(series, role, now, staleMs);
  return v === undefined ? unavailable(`no current ${role} signal`) : measured(v, 'W');
}

/** Heat power: the meter if there is one, else the flow-factor estimate of the latest segment. */
function heatPumpPowerEstimate(
  segments: ReturnType<typeof buildLedger>['segments'],
  o: MetricOptions,
): number | undefined {
  const last = [...segments].reverse().find((s) => s.running !== undefined);
  if (last === undefined) return undefined;
  if (!last.running) return 0;
  if (last.supplyC === undefined || last.returnC === undefined) return undefined;
  return o.flowFactorKwPerK * Math.max(0, last.supplyC - last.returnC) * 1000;
}

function heatPowerFigure(
  series: SeriesByRole,
  segments: ReturnType<typeof buildLedger>['segments'],
  now: number,
  o: MetricOptions,
): Figure {
  const metered = latest(series, 'heat_power', now, o.staleMs);
  if (metered !== undefined) return measured(metered, 'W');
  const est = heatPumpPowerEstimate(segments, o);
  return est === undefined
    ? unavailable('no heat meter and no supply/return temperatures')
    : estimated(est, 'W', `flow factor ${o.flowFactorKwPerK} kW/K x (supply - return) while running`);
}

function meanDelta(
  segments: ReturnType<typeof buildLedger>['segments'],
  pick: (s: ReturnType<typeof buildLedger>['segments'][number]) => number | undefined,
): Figure {
  let sum = 0;
  let ms = 0;
  for (const s of segments) {
    const d = pick(s);
    if (d === undefined) continue;
    sum += d * (s.end - s.start);
    ms += s.end - s.start;
  }
  return ms > 0 ? measured(sum / ms, 'K') : unavailable('no running time with both temperatures in 24 h');
}

function alarmFigures(
  series: SeriesByRole,
  provider: BrandProvider,
  now: number,
  staleMs: number,
): Snapshot['alarm'] {
  // Codes are logged on change only by some loggers: hold them for a day rather than the normal staleness.
  const hold = Math.max(staleMs, DAY);
  const codeRole = provider.alarm.codeRole;
  const activeRole = provider.alarm.activeRole;
  const code = codeRole !== null ? latest(series, codeRole, now, hold) : undefined;
  const activeValue = activeRole !== null ? latest(series, activeRole, now, hold) : undefined;
  let active: boolean | undefined;
  if (activeValue !== undefined) active = activeValue > 0;
  else if (code !== undefined && !provider.alarm.codeIsLastNotActive) active = code !== 0;
  if (active === undefined)
    return { active: unavailable('no alarm signal'), code: null, text: null, severity: null };
  const info = code !== undefined && code !== 0 ? alarmInfo(provider, code) : undefined;
  return {
    active: measured(active, ''),
    code: code ?? null,
    text: active ? (info?.en ?? 'alarm active (no code)') : null,
    severity: active ? (info?.severity ?? 'error') : null,
  };
}

/** Mean coverage of the found roles over the range, %. */
function dataQuality(series: SeriesByRole, range: { from: number; to: number }, staleMs: number): Figure {
  const roles = (Object.keys(series) as Role[]).filter((r) => (series[r]?.length ?? 0) > 0);
  if (roles.length === 0) return unavailable('no data in the last 24 h');
  let sum = 0;
  for (const role of roles)
    sum += integrate(series[role] ?? [], { ...range, staleMs }).coveredMs / (range.to - range.from);
  return measured((sum / roles.length) * 100, '%');
}
