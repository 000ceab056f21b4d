/**
 * The ONE table mapping card roles to the bridge's entity ids (`<domain>.<device>_<suffix>`).
 * Aligned with bridge/publish/entity-catalog.ts (keys compressor_running, aux_heater_on, ...); cards find the bridge's entities through it so
 * `type: custom:heatpump-cop-card` alone works, and any role can be overridden in `entities:`.
 */
export const ROLE_DEFAULTS = {
  outdoor_temp: { domain: 'sensor', suffix: 'outdoor_temp', kind: 'number' },
  indoor_temp: { domain: 'sensor', suffix: 'indoor_temp', kind: 'number' },
  supply_temp: { domain: 'sensor', suffix: 'supply_temp', kind: 'number' },
  return_temp: { domain: 'sensor', suffix: 'return_temp', kind: 'number' },
  hot_water_temp: { domain: 'sensor', suffix: 'hot_water_temp', kind: 'number' },
  brine_in_temp: { domain: 'sensor', suffix: 'brine_in_temp', kind: 'number' },
  brine_out_temp: { domain: 'sensor', suffix: 'brine_out_temp', kind: 'number' },
  electrical_power: { domain: 'sensor', suffix: 'electrical_power', kind: 'number' },
  heat_power: { domain: 'sensor', suffix: 'heat_power', kind: 'number' },
  electrical_energy: { domain: 'sensor', suffix: 'electrical_energy_total', kind: 'counter' },
  heat_energy: { domain: 'sensor', suffix: 'heat_energy_total', kind: 'counter' },
  compressor: { domain: 'binary_sensor', suffix: 'compressor_running', kind: 'state' },
  aux_heater: { domain: 'binary_sensor', suffix: 'aux_heater_on', kind: 'state' },
  aux_heater_power: { domain: 'sensor', suffix: 'aux_heater_power', kind: 'number' },
  /** Valve position: on = hot water, off = space heating. */
  hot_water_mode: { domain: 'binary_sensor', suffix: 'hot_water_mode', kind: 'state' },
  alarm: { domain: 'binary_sensor', suffix: 'alarm', kind: 'state' },
  cop_now: { domain: 'sensor', suffix: 'cop_now', kind: 'number' },
  cop_today: { domain: 'sensor', suffix: 'cop_today', kind: 'number' },
} as const satisfies Record<string, { domain: 'sensor' | 'binary_sensor'; suffix: string; kind: RoleKind }>;

/**
 * number: a measurement (mean in statistics); counter: cumulative kWh (sum in statistics);
 * state: on/off, drawn as exact steps and never down-sampled by min/max.
 */
export type RoleKind = 'number' | 'counter' | 'state';
export type CardRole = keyof typeof ROLE_DEFAULTS;
export const CARD_ROLES = Object.keys(ROLE_DEFAULTS) as CardRole[];
export const DEFAULT_DEVICE = 'heatpump';

export function isCardRole(name: string): name is CardRole {
  return Object.prototype.hasOwnProperty.call(ROLE_DEFAULTS, name);
}

export function roleKind(role: CardRole): RoleKind {
  return ROLE_DEFAULTS[role].kind;
}

/** The bridge's entity id for a role, e.g. `sensor.heatpump_supply_temp`. */
export function defaultEntityId(role: CardRole, device: string = DEFAULT_DEVICE): string {
  const { domain, suffix } = ROLE_DEFAULTS[role];
  return `${domain}.${device}_${suffix}`;
}

/** Role -> entity id for the roles a card uses: explicit config wins, else the bridge default. */
export function resolveEntities(
  roles: readonly CardRole[],
  options: { device?: string; entities?: Partial<Record<CardRole, string>> },
): Partial<Record<CardRole, string>> {
  const out: Partial<Record<CardRole, string>> = {};
  for (const role of roles) out[role] = options.entities?.[role] ?? defaultEntityId(role, options.device);
  return out;
}
