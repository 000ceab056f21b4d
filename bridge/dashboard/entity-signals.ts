import type { Role } from '../../src/model/index.js';

/**
 * Where the standalone dashboard gets an entity's history. The cards ask for the bridge's entity
 * ids (`<domain>.<device>_<key>`); inside HA the recorder has their history, here it comes from the
 * source's series: `role` entities directly, `derived` ones from the core's interval figures, and
 * everything else (COP figures, shares, counts) from the dashboard's own recorder of the states
 * the bridge built each cycle.
 */
export type EntitySignal =
  | { kind: 'role'; role: Role; domain: 'sensor' | 'binary_sensor'; onWhenPositive?: boolean }
  | { kind: 'heat_power' }
  | { kind: 'energy_total'; counterRole: Role; which: 'electricity' | 'heat' };

const temperatureKeys: Role[] = [
  'outdoor_temp',
  'indoor_temp',
  'supply_temp',
  'return_temp',
  'hot_water_temp',
  'brine_in_temp',
  'brine_out_temp',
  'hot_gas_temp',
];

/** Catalog key -> signal. Keys the cards use under another name are listed as aliases below. */
const SIGNALS: Readonly<Record<string, EntitySignal>> = {
  ...Object.fromEntries(
    temperatureKeys.map((role) => [role, { kind: 'role', role, domain: 'sensor' } as EntitySignal]),
  ),
  degree_minutes: { kind: 'role', role: 'degree_minutes', domain: 'sensor' },
  electrical_power: { kind: 'role', role: 'electrical_power', domain: 'sensor' },
  aux_heater_power: { kind: 'role', role: 'aux_heater', domain: 'sensor' },
  heat_power: { kind: 'heat_power' },
  electrical_energy_total: { kind: 'energy_total', counterRole: 'electrical_energy', which: 'electricity' },
  heat_energy_total: { kind: 'energy_total', counterRole: 'heat_energy', which: 'heat' },
  compressor_running: { kind: 'role', role: 'compressor', domain: 'binary_sensor' },
  aux_heater_on: { kind: 'role', role: 'aux_heater', domain: 'binary_sensor', onWhenPositive: true },
  hot_water_mode: { kind: 'role', role: 'valve', domain: 'binary_sensor' },
  alarm: { kind: 'role', role: 'alarm_active', domain: 'binary_sensor' },
};

/**
 * The cards' defaults (cards/shared/default-entities.ts) name two binary sensors differently from
 * the bridge's catalog; both names are served so either side can be fixed without breaking this page.
 */
export const CARD_ALIASES: Readonly<Record<string, string>> = {
  compressor: 'compressor_running',
  aux_heater: 'aux_heater_on',
};

export interface ResolvedEntity {
  /** The catalog key the entity id stands for (after aliases). */
  key: string;
  domain: string;
  signal: EntitySignal | undefined;
}

/** Splits `<domain>.<device>_<key>` for this device; undefined for another device's or a malformed id. */
export function resolveEntity(entityId: string, deviceSlug: string): ResolvedEntity | undefined {
  const dot = entityId.indexOf('.');
  if (dot <= 0) return undefined;
  const domain = entityId.slice(0, dot);
  const objectId = entityId.slice(dot + 1);
  const prefix = `${deviceSlug}_`;
  if (!objectId.startsWith(prefix)) return undefined;
  const raw = objectId.slice(prefix.length);
  const key = domain === 'binary_sensor' ? (CARD_ALIASES[raw] ?? raw) : raw;
  return { key, domain, signal: SIGNALS[key] };
}

/** The catalog entity id a (possibly aliased) entity id stands for. */
export function canonicalEntityId(entityId: string, deviceSlug: string): string {
  const r = resolveEntity(entityId, deviceSlug);
  return r ? `${r.domain}.${deviceSlug}_${r.key}` : entityId;
}
