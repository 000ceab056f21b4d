/**
 * Card roles -> the core's canonical SeriesByRole, so COP, runtime and flows are computed by the
 * shared metrics exactly as the bridge computes them. Units of arbitrary HA entities are converted
 * to the canonical ones (W, kWh, kW).
 */
import { ensureSeriesByRole } from '../../src/metrics/index.js';
import type { Role, Series, SeriesByRole } from '../../src/model/index.js';
import type { CardRole } from '../shared/default-entities.js';
import type { TimedSample } from './data-source.js';
import type { RoleSamples } from './load-series.js';

const CORE_ROLE: Partial<Record<CardRole, Role>> = {
  outdoor_temp: 'outdoor_temp',
  indoor_temp: 'indoor_temp',
  supply_temp: 'supply_temp',
  return_temp: 'return_temp',
  hot_water_temp: 'hot_water_temp',
  brine_in_temp: 'brine_in_temp',
  brine_out_temp: 'brine_out_temp',
  electrical_power: 'electrical_power',
  heat_power: 'heat_power',
  electrical_energy: 'electrical_energy',
  heat_energy: 'heat_energy',
  compressor: 'compressor',
  hot_water_mode: 'valve',
  aux_heater_power: 'aux_heater',
  alarm: 'alarm_active',
};

/** Factor from an entity's unit to the canonical unit of its core role. */
const UNIT_FACTOR: Record<string, number> = { W: 1, kW: 1000, MW: 1e6, Wh: 0.001, kWh: 1, MWh: 1000 };

function factorFor(role: Role, unit: string | undefined): number {
  if (!unit) return 1;
  const f = UNIT_FACTOR[unit];
  if (f === undefined) return 1;
  if (role === 'aux_heater') return f / 1000; // aux heater is kW in the core
  return f;
}

export interface CoreSeriesOptions {
  /** unit_of_measurement per card role, when known */
  units?: Partial<Record<CardRole, string>>;
  /**
   * With no aux heater power entity, use the on/off aux heater as 1 "kW" so time shares work.
   * Never for energy flows: the energy would be invented.
   */
  auxFromState?: boolean;
}

export function toCoreSeries(samples: RoleSamples, options: CoreSeriesOptions = {}): SeriesByRole {
  const out: SeriesByRole = {};
  for (const [cardRole, list] of Object.entries(samples) as Array<[CardRole, TimedSample[]]>) {
    const role = CORE_ROLE[cardRole];
    if (!role || !list) continue;
    out[role] = scaled(list, factorFor(role, options.units?.[cardRole]));
  }
  if (!out.aux_heater && options.auxFromState && samples.aux_heater) out.aux_heater = samples.aux_heater;
  // Loaded history is normally in time order with finite values already: in the canonical unit
  // the list is then a valid Series as it is, used without a copy (no allocation per sample on a
  // first render), and checked once here, so each of a card's ledgers takes it as it is (see
  // ensureSeriesByRole). Anything else is cleaned by the core, sorted rather than dropped when out
  // of order; NaN marks "unavailable" in the cards and is skipped there.
  return ensureSeriesByRole(out, { outOfOrder: 'sort' }).series;
}

function scaled(list: readonly TimedSample[], factor: number): Series {
  return factor === 1 ? list : list.map((s) => ({ t: s.t, v: s.v * factor }));
}
