import type { DataIssueCounts, Figure, Role, SeriesByRole } from '../../src/model/index.js';
import { periodCopFromLedger } from '../../src/metrics/cop.js';
import { energyFromLedger } from '../../src/metrics/energy.js';
import { buildLedger } from '../../src/metrics/ledger.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import { spfFromLedger } from '../../src/metrics/spf.js';
import { optionsForWindow } from './compute-snapshot.js';
import { runtimeSummary } from './runtime-summary.js';

/**
 * The `report --json` document. Stable: fields are only ever added (documented in the README).
 * Every number is a Figure: `{status: "measured"|"estimated"|"unavailable", value?, unit?, basis?, reason?}`.
 */
export interface PeriodReport {
  schema: 'heatpump-bridge/report@1';
  range: { from: string; to: string };
  brand: string;
  layout: string;
  source: { kind: string; rows: number; window_seconds: number };
  roles_found: Role[];
  cop: { including_standby: Figure; running: Figure; space_heating: Figure; hot_water: Figure };
  spf: { boundary: string | null; description: string; value: Figure };
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
    compressor_starts: Figure;
    short_cycles: Figure;
  };
  data_issues: DataIssueCounts;
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

export function buildPeriodReport(input: PeriodReportInput): PeriodReport {
  const options = optionsForWindow(input.options, input.windowMs);
  const ledger = buildLedger(input.series, { range: { from: input.from, to: input.to }, options });
  const cop = periodCopFromLedger(ledger);
  const energy = energyFromLedger(ledger);
  const spf = spfFromLedger(ledger);
  const runtime = runtimeSummary(ledger);
  return {
    schema: 'heatpump-bridge/report@1',
    range: { from: new Date(input.from).toISOString(), to: new Date(input.to).toISOString() },
    brand: input.brand,
    layout: input.layout,
    source: { kind: input.sourceKind, rows: input.rows, window_seconds: input.windowMs / 1000 },
    roles_found: (Object.keys(input.series) as Role[])
      .filter((r) => (input.series[r]?.length ?? 0) > 0)
      .sort(),
    cop: {
      including_standby: cop.includingStandby,
      running: cop.running,
      space_heating: cop.spaceHeating,
      hot_water: cop.hotWater,
    },
    spf: { boundary: spf.boundary, description: spf.description, value: spf.figure },
    energy_kwh: {
      heat: energy.heat,
      heat_pump_heat: energy.heatPumpHeat,
      heat_space_heating: energy.heatSpaceHeating,
      heat_hot_water: energy.heatHotWater,
      aux_heater: energy.auxHeater,
      electricity: energy.electricity,
      electricity_standby: energy.electricityStandby,
    },
    runtime: {
      compressor_share_pct: runtime.compressorShare,
      aux_heater_share_pct: runtime.auxHeaterShare,
      hot_water_share_pct: runtime.hotWaterShare,
      compressor_starts: runtime.starts,
      short_cycles: runtime.shortCycles,
    },
    data_issues: { ...input.issues, ...mergeLedgerIssues(ledger.issues) },
  };
}

function mergeLedgerIssues(issues: DataIssueCounts): Partial<DataIssueCounts> {
  const out: Partial<DataIssueCounts> = {};
  for (const [k, v] of Object.entries(issues) as [keyof DataIssueCounts, number][]) if (v > 0) out[k] = v;
  return out;
}

/** Text form of the report for people. */
export function formatPeriodReport(r: PeriodReport): string {
  const f = (x: Figure, digits = 2): string =>
    x.status === 'unavailable'
      ? `n/a (${x.reason})`
      : `${x.value.toFixed(digits)}${x.unit ? ` ${x.unit}` : ''}${x.status === 'estimated' ? ' (estimated)' : ''}`;
  return [
    `Heat pump report ${r.range.from} .. ${r.range.to} (${r.brand}, ${r.layout}; ${r.source.rows} rows at ${r.source.window_seconds} s)`,
    `roles: ${r.roles_found.join(', ') || '(none)'}`,
    `COP incl. standby ${f(r.cop.including_standby)}; running ${f(r.cop.running)}; space heating ${f(r.cop.space_heating)}; hot water ${f(r.cop.hot_water)}`,
    `SPF ${f(r.spf.value)} [${r.spf.description}]`,
    `heat ${f(r.energy_kwh.heat)}; electricity ${f(r.energy_kwh.electricity)}; aux ${f(r.energy_kwh.aux_heater)}`,
    `compressor ${f(r.runtime.compressor_share_pct, 1)}; aux ${f(r.runtime.aux_heater_share_pct, 1)}; hot water ${f(r.runtime.hot_water_share_pct, 1)}; starts ${f(r.runtime.compressor_starts, 0)}; short cycles ${f(r.runtime.short_cycles, 0)}`,
  ].join('\n');
}
