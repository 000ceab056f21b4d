import {
  computePeriodMetrics,
  type EnergySource,
  type MetricOptions,
  type PeriodMetrics,
} from '../../src/metrics/index.js';
import type { DataIssueCounts, Figure, Role, SeriesByRole } from '../../src/model/index.js';
import { optionsForWindow } from './compute-snapshot.js';
import { runtimeShares } from './runtime-view.js';

/**
 * The `report --json` document, documented field by field in docs/REPORT-JSON.md. Stable: within
 * schema `heatpump-bridge/report@1` fields are only ever added. Numbers are rounded to 6 decimals.
 * Every metric is a Figure:
 * `{status: "measured"|"estimated", value, unit[, basis]}` or `{status: "unavailable", reason}`.
 */
export interface PeriodReport {
  schema: 'heatpump-bridge/report@1';
  range: { from: string; to: string };
  brand: string;
  layout: string;
  source: { kind: string; rows: number; window_seconds: number };
  roles_found: Role[];
  energy_sources: { heat: ReportEnergySource | null; electricity: ReportEnergySource | null };
  cop: { including_standby: Figure; running: Figure; space_heating: Figure; hot_water: Figure };
  spf: { boundary: string | null; description: string; value: Figure };
  normalised_efficiency: { efficiency_pct: Figure; carnot_cop: Figure };
  energy_kwh: {
    heat: Figure;
    heat_pump_heat: Figure;
    heat_space_heating: Figure;
    heat_hot_water: Figure;
    aux_heater: Figure;
    electricity: Figure;
    electricity_standby: Figure;
  };
  runtime: {
    compressor_share_pct: Figure;
    aux_heater_share_pct: Figure;
    hot_water_share_pct: Figure;
    compressor_heating_pct: Figure;
    aux_only_pct: Figure;
    idle_pct: Figure;
    compressor_hours: Figure;
    aux_heater_hours: Figure;
    coverage_pct: Figure;
  };
  cycles: {
    starts: Figure;
    starts_per_hour: Figure;
    complete_cycles: Figure;
    mean_cycle_minutes: Figure;
    short_cycles: Figure;
  };
  hot_water_cycles: {
    count: Figure;
    per_day: Figure;
    mean_duration_minutes: Figure;
    mean_heat_kwh: Figure;
    mean_electricity_kwh: Figure;
  };
  delta_t: { supply_return_k: Figure; brine_k: Figure };
  energy_flow: Figure<ReportEnergyFlow>;
  data_quality: {
    roles: ReportRoleQuality[];
    missing_roles: Role[];
    stale_roles: Role[];
    skipped_samples: number;
  };
  data_issues: DataIssueCounts;
}

export interface ReportEnergySource {
  kind: string;
  role: string;
  fallback_role: string | null;
  status: 'measured' | 'estimated';
  basis: string;
}

export interface ReportEnergyFlow {
  nodes: { id: string; kwh: number }[];
  links: { source: string; target: string; kwh: number }[];
  unattributed_kwh: number;
}

export interface ReportRoleQuality {
  role: Role;
  coverage_pct: number;
  gap_count: number;
  longest_gap_minutes: number;
  last_sample: string | null;
  stale: boolean;
}

export interface PeriodReportInput {
  series: SeriesByRole;
  from: number;
  to: number;
  windowMs: number;
  rows: number;
  sourceKind: string;
  brand: string;
  layout: string;
  issues: DataIssueCounts;
  options: MetricOptions;
}

/** Every period metric of the core for [from, to), renamed into the report's snake_case. */
export function buildPeriodReport(input: PeriodReportInput): PeriodReport {
  const m = computePeriodMetrics({
    series: input.series,
    range: { from: input.from, to: input.to },
    options: optionsForWindow(input.options, input.windowMs),
    issues: input.issues,
  });
  const shares = runtimeShares(m.runtime);
  return roundNumbers({
    schema: 'heatpump-bridge/report@1',
    range: { from: new Date(input.from).toISOString(), to: new Date(input.to).toISOString() },
    brand: input.brand,
    layout: input.layout,
    source: { kind: input.sourceKind, rows: input.rows, window_seconds: input.windowMs / 1000 },
    roles_found: m.dataQuality.roles.map((r) => r.role).sort() as Role[],
    energy_sources: { heat: sourceOf(m.sources.heat), electricity: sourceOf(m.sources.electricity) },
    cop: {
      including_standby: m.cop.includingStandby,
      running: m.cop.running,
      space_heating: m.cop.spaceHeating,
      hot_water: m.cop.hotWater,
    },
    spf: { boundary: m.spf.boundary, description: m.spf.description, value: m.spf.figure },
    normalised_efficiency: {
      efficiency_pct: m.normalisedEfficiency.efficiencyPct,
      carnot_cop: m.normalisedEfficiency.carnotCop,
    },
    energy_kwh: {
      heat: m.energy.heat,
      heat_pump_heat: m.energy.heatPumpHeat,
      heat_space_heating: m.energy.heatSpaceHeating,
      heat_hot_water: m.energy.heatHotWater,
      aux_heater: m.energy.auxHeater,
      electricity: m.energy.electricity,
      electricity_standby: m.energy.electricityStandby,
    },
    runtime: {
      compressor_share_pct: shares.compressorShare,
      aux_heater_share_pct: shares.auxHeaterShare,
      hot_water_share_pct: m.runtime.compressorHotWaterPct,
      compressor_heating_pct: m.runtime.compressorHeatingPct,
      aux_only_pct: m.runtime.auxOnlyPct,
      idle_pct: m.runtime.idlePct,
      compressor_hours: m.runtime.compressorHours,
      aux_heater_hours: m.runtime.auxHours,
      coverage_pct: m.runtime.coveragePct,
    },
    cycles: {
      starts: m.cycles.starts,
      starts_per_hour: m.cycles.startsPerHour,
      complete_cycles: m.cycles.completeCycles,
      mean_cycle_minutes: m.cycles.meanCycleMinutes,
      short_cycles: m.cycles.shortCycles,
    },
    hot_water_cycles: {
      count: m.hotWater.count,
      per_day: m.hotWater.perDay,
      mean_duration_minutes: m.hotWater.meanDurationMinutes,
      mean_heat_kwh: m.hotWater.meanHeatKwh,
      mean_electricity_kwh: m.hotWater.meanElecKwh,
    },
    delta_t: { supply_return_k: m.deltaT.supplyReturn, brine_k: m.deltaT.brine },
    energy_flow: flowOf(m.energyFlow),
    data_quality: qualityOf(m.dataQuality),
    data_issues: { ...m.dataQuality.issues },
  });
}

/** Every number to 6 decimals: float noise (186.49999999999716 kWh) helps no script. */
function roundNumbers<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e6) / 1e6) as T;
  if (Array.isArray(value)) return value.map(roundNumbers) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)])) as T;
  return value;
}

function sourceOf(s: EnergySource | null): ReportEnergySource | null {
  if (s === null) return null;
  return { kind: s.kind, role: s.role, fallback_role: s.fallbackRole, status: s.status, basis: s.basis };
}

function flowOf(f: PeriodMetrics['energyFlow']): Figure<ReportEnergyFlow> {
  if (f.status === 'unavailable') return f;
  const value: ReportEnergyFlow = {
    nodes: f.value.nodes.map((n) => ({ id: n.id, kwh: n.kwh })),
    links: f.value.links.map((l) => ({ source: l.source, target: l.target, kwh: l.kwh })),
    unattributed_kwh: f.value.unattributedKwh,
  };
  return { ...f, value };
}

function qualityOf(q: PeriodMetrics['dataQuality']): PeriodReport['data_quality'] {
  return {
    roles: q.roles.map((r) => ({
      role: r.role,
      coverage_pct: r.coveragePct,
      gap_count: r.gapCount,
      longest_gap_minutes: r.longestGapMs / 60_000,
      last_sample: r.lastSampleAt === null ? null : new Date(r.lastSampleAt).toISOString(),
      stale: r.stale,
    })),
    missing_roles: [...q.missingRoles],
    stale_roles: [...q.staleRoles],
    skipped_samples: q.skippedSamples,
  };
}
