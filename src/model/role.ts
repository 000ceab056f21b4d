/**
 * Canonical roles (DESIGN.md §3). Every brand is mapped onto these; a role may be missing and the
 * metrics must then say so instead of inventing it. The table below is the single source of truth:
 * the `Role` union, `ROLES` and `isRole` are all derived from it.
 */

/** What kind of quantity a role carries; decides how it is integrated, compared and displayed. */
export type RoleKind = 'temperature' | 'state' | 'speed' | 'power' | 'energy' | 'integral' | 'code' | 'mode';

interface RoleSpec {
  readonly unit: string;
  readonly kind: RoleKind;
  readonly description: string;
}

const ROLE_TABLE = {
  outdoor_temp: { unit: '°C', kind: 'temperature', description: 'outdoor air temperature' },
  indoor_temp: { unit: '°C', kind: 'temperature', description: 'room temperature' },
  supply_temp: { unit: '°C', kind: 'temperature', description: 'heating circuit forward (flow) temperature' },
  return_temp: { unit: '°C', kind: 'temperature', description: 'heating circuit return temperature' },
  hot_water_temp: { unit: '°C', kind: 'temperature', description: 'hot-water tank top temperature' },
  brine_in_temp: {
    unit: '°C',
    kind: 'temperature',
    description: 'source side into the evaporator (brine in)',
  },
  brine_out_temp: {
    unit: '°C',
    kind: 'temperature',
    description: 'source side out of the evaporator (brine out)',
  },
  hot_gas_temp: { unit: '°C', kind: 'temperature', description: 'compressor discharge (hot gas)' },
  compressor: {
    unit: '',
    kind: 'state',
    description: 'compressor running: 1 on, 0 off (normalised by the provider)',
  },
  compressor_speed: {
    unit: 'Hz',
    kind: 'speed',
    description: 'compressor frequency, or % of maximum on NIBE',
  },
  aux_heater: {
    unit: 'kW',
    kind: 'power',
    description: 'auxiliary (electric) heater power after conversion',
  },
  valve: { unit: '', kind: 'state', description: 'three-way valve: 0 space heating, 1 hot water' },
  brine_pump: { unit: '', kind: 'state', description: 'brine (source) pump: 1 on, 0 off' },
  heating_pump: { unit: '', kind: 'state', description: 'heating circuit pump: 1 on, 0 off' },
  electrical_power: { unit: 'W', kind: 'power', description: 'electrical power drawn by the heat pump' },
  electrical_energy: { unit: 'kWh', kind: 'energy', description: 'cumulative electrical energy counter' },
  heat_energy: { unit: 'kWh', kind: 'energy', description: 'cumulative heat energy counter (heat meter)' },
  heat_power: { unit: 'W', kind: 'power', description: 'heat output power (heat meter)' },
  degree_minutes: {
    unit: '°C·min',
    kind: 'integral',
    description: 'degree minutes (NIBE) / integral (Thermia)',
  },
  alarm_active: { unit: '', kind: 'state', description: 'an alarm is active: 1 yes, 0 no' },
  alarm_code: { unit: '', kind: 'code', description: 'alarm code; the brand table gives the text' },
  operating_mode: {
    unit: '',
    kind: 'mode',
    description: 'operating mode number; the brand table gives the text',
  },
} as const satisfies Record<string, RoleSpec>;

/** A canonical role name, e.g. `'supply_temp'`. */
export type Role = keyof typeof ROLE_TABLE;

/** One row of the role table. */
export interface RoleInfo extends RoleSpec {
  readonly role: Role;
}

/** All roles with their unit and kind, in table order. */
export const ROLES: readonly RoleInfo[] = Object.entries(ROLE_TABLE).map(([role, spec]) => ({
  role: role as Role,
  ...spec,
}));

/** All role names, in table order. */
export const ROLE_NAMES: readonly Role[] = ROLES.map((r) => r.role);

/** True when `value` is a canonical role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROLE_TABLE, value);
}

/** Unit and kind of a role. */
export function roleInfo(role: Role): RoleInfo {
  return { role, ...ROLE_TABLE[role] };
}
