import type { Role } from '../model/role.js';
import { hasValues, type Series, type SeriesByRole } from '../model/sample.js';
import type { MetricOptions } from './options.js';

/** How an energy quantity is obtained for a range. */
export type EnergySourceKind = 'counter' | 'power' | 'flow_factor';

export interface EnergySource {
  readonly kind: EnergySourceKind;
  /** The signal used (flow_factor: supply_temp, with return_temp and compressor). */
  readonly role: Role;
  /** Signal used where `role` has no data (a counter's power twin, or vice versa); null if none. */
  readonly fallbackRole: Role | null;
  readonly status: 'measured' | 'estimated';
  /** What the figure rests on, stated with every estimated figure. */
  readonly basis: string;
}

/** A chosen source, or why there is none. */
export type SourceChoice =
  { readonly source: EnergySource } | { readonly source: null; readonly reason: string };

/** Which of counter and power to try first: counters for periods, power for "now". */
export type SourcePreference = 'counter' | 'power';

function has(series: Series | undefined, min = 1): boolean {
  return hasValues(series, min);
}

/**
 * Counter or power, by presence of the signal (never by the range, so every part of a partitioned
 * range uses the same source). The other one, if present, fills the time the first has no data.
 */
function choose(
  counter: { role: Role; series: Series | undefined },
  power: { role: Role; series: Series | undefined },
  prefer: SourcePreference,
): EnergySource | null {
  const signal = { counter, power };
  const available = { counter: has(counter.series, 2), power: has(power.series) };
  const order: Array<'counter' | 'power'> =
    prefer === 'counter' ? ['counter', 'power'] : ['power', 'counter'];
  const [primary, fallback] = order.filter((kind) => available[kind]);
  if (!primary) return null;
  const describe = (kind: 'counter' | 'power') =>
    kind === 'counter' ? `${signal[kind].role} counter` : `${signal[kind].role} integrated over time`;
  return {
    kind: primary,
    role: signal[primary].role,
    fallbackRole: fallback ? signal[fallback].role : null,
    status: 'measured',
    basis: describe(primary) + (fallback ? `; ${describe(fallback)} where it has no data` : ''),
  };
}

/**
 * Heat: heat_energy counter, else heat_power, else the flow-factor estimate
 * flowFactor (kW/K) x (supply - return) while the compressor runs.
 */
export function chooseHeatSource(
  series: SeriesByRole,
  { options, prefer }: { options: MetricOptions; prefer: SourcePreference },
): SourceChoice {
  const measuredSource = choose(
    { role: 'heat_energy', series: series.heat_energy },
    { role: 'heat_power', series: series.heat_power },
    prefer,
  );
  if (measuredSource) return { source: measuredSource };
  const missing: Role[] = (['supply_temp', 'return_temp'] as const).filter((r) => !has(series[r]));
  if (!has(series.compressor) && !has(series.compressor_speed)) missing.push('compressor');
  if (missing.length > 0) {
    return {
      source: null,
      reason: `no heat signal: needs heat_energy, heat_power, or ${missing.join(', ')} for the flow-factor estimate`,
    };
  }
  return {
    source: {
      kind: 'flow_factor',
      role: 'supply_temp',
      fallbackRole: null,
      status: 'estimated',
      basis: `flow factor ${options.flowFactorKwPerK} kW/K x (supply - return) while the compressor runs`,
    },
  };
}

/** Electricity: electrical_energy counter, else electrical_power; never invented. */
export function chooseElectricitySource(series: SeriesByRole, prefer: SourcePreference): SourceChoice {
  const source = choose(
    { role: 'electrical_energy', series: series.electrical_energy },
    { role: 'electrical_power', series: series.electrical_power },
    prefer,
  );
  return source
    ? { source }
    : { source: null, reason: 'no electricity signal (electrical_energy or electrical_power)' };
}
