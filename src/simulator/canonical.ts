import type { Role } from '../model/role.js';
import type { Sample, SeriesByRole } from '../model/sample.js';
import type { SimFrame } from './frame.js';
import type { SimBrand } from './options.js';

const bit = (on: boolean): number => (on ? 1 : 0);

/** Operating mode "auto" in each brand's mode table (IVT has no mode register). */
const AUTO_MODE: Record<SimBrand, number | undefined> = { thermia: 1, ivt: undefined, nibe: 0 };

/**
 * The simulation's ground truth per canonical role, in canonical units. Every role a physical
 * pump has is here, whatever a brand's gateway exposes; the husdata layout then shows only what
 * the brand's registers carry. The on/off compressor has no speed, so compressor_speed is absent.
 */
export const TRUTH_ROLES = {
  outdoor_temp: (f) => f.outdoorC,
  indoor_temp: (f) => f.indoorC,
  supply_temp: (f) => f.supplyC,
  return_temp: (f) => f.returnC,
  hot_water_temp: (f) => f.hotWaterC,
  brine_in_temp: (f) => f.brineInC,
  brine_out_temp: (f) => f.brineOutC,
  hot_gas_temp: (f) => f.hotGasC,
  compressor: (f) => bit(f.compressorOn),
  aux_heater: (f) => f.auxKw,
  valve: (f) => bit(f.hotWaterMode),
  brine_pump: (f) => bit(f.brinePumpOn),
  heating_pump: (f) => bit(f.heatingPumpOn),
  electrical_power: (f) => f.electricalW,
  electrical_energy: (f) => f.electricalKwh,
  heat_energy: (f) => f.heatKwh,
  heat_power: (f) => f.heatW,
  degree_minutes: (f) => f.degreeMinutes,
  alarm_active: (f) => bit(f.alarmCode !== 0),
  alarm_code: (f) => f.alarmCode,
} as const satisfies Partial<Record<Role, (f: SimFrame) => number>>;

export type TruthRole = keyof typeof TRUTH_ROLES;
export const TRUTH_ROLE_NAMES = Object.keys(TRUTH_ROLES) as TruthRole[];

/** Canonical value of one role in a frame, or undefined when the simulated pump has no such signal. */
export function truthValue(frame: SimFrame, role: Role, brand: SimBrand): number | undefined {
  if (role === 'operating_mode') return AUTO_MODE[brand];
  const read = (TRUTH_ROLES as Partial<Record<Role, (f: SimFrame) => number>>)[role];
  return read?.(frame);
}

/**
 * Frames -> canonical series of the requested roles (default: every truth role), one sample per
 * frame. Series of consecutive chunks concatenate into the series of the whole range.
 */
export function framesToSeries(
  frames: readonly SimFrame[],
  options: { roles?: readonly Role[]; brand?: SimBrand } = {},
): SeriesByRole {
  const roles = options.roles ?? TRUTH_ROLE_NAMES;
  const brand = options.brand ?? 'thermia';
  const out: SeriesByRole = {};
  for (const role of roles) {
    const samples: Sample[] = [];
    for (const f of frames) {
      const v = truthValue(f, role, brand);
      if (v !== undefined && Number.isFinite(v)) samples.push({ t: f.t, v });
    }
    if (samples.length > 0) out[role] = samples;
  }
  return out;
}
