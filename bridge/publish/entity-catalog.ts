import type { Figure, Role } from '../../src/model/index.js';
import type { Snapshot } from './snapshot.js';

/**
 * Every entity the bridge publishes, as one declarative table (DESIGN.md section 7). The entity id
 * is `<kind>.<device>_<key>`; units never change for an entity; energy counters only grow.
 */
export interface EntitySpec {
  /** Metric key; also the object id suffix and the name used in `publish.metrics`. */
  key: string;
  kind: 'sensor' | 'binary_sensor';
  name: string;
  icon: string;
  deviceClass?: string;
  stateClass?: 'measurement' | 'total_increasing' | 'total';
  unit?: string;
  /** Decimal places of the published state. */
  precision?: number;
  /**
   * total: never published lower than before (an outage must not look like a meter reset);
   * daily: may only go down when the local day changes.
   */
  monotonic?: 'total' | 'daily';
  value(s: Snapshot): Figure | Figure<boolean>;
  /** Extra attributes (alarm code and text, SPF boundary ...). */
  attributes?(s: Snapshot): Record<string, unknown>;
}

const cop = (key: string, name: string, pick: (s: Snapshot) => Figure): EntitySpec => ({
  key,
  kind: 'sensor',
  name,
  icon: 'mdi:heat-pump',
  stateClass: 'measurement',
  precision: 2,
  value: pick,
});

const energy = (
  key: string,
  name: string,
  monotonic: 'total' | 'daily',
  pick: (s: Snapshot) => Figure,
): EntitySpec => ({
  key,
  kind: 'sensor',
  name,
  icon: key.startsWith('heat') ? 'mdi:fire' : 'mdi:lightning-bolt',
  deviceClass: 'energy',
  stateClass: 'total_increasing',
  unit: 'kWh',
  precision: 3,
  monotonic,
  value: pick,
  ...(monotonic === 'total'
    ? { attributes: (s: Snapshot) => ({ since: new Date(s.energy.since).toISOString() }) }
    : {}),
});

const share = (key: string, name: string, icon: string, pick: (s: Snapshot) => Figure): EntitySpec => ({
  key,
  kind: 'sensor',
  name,
  icon,
  stateClass: 'measurement',
  unit: '%',
  precision: 1,
  value: pick,
});

const temperature = (role: Role, name: string): EntitySpec => ({
  key: role,
  kind: 'sensor',
  name,
  icon: 'mdi:thermometer',
  deviceClass: 'temperature',
  stateClass: 'measurement',
  unit: '°C',
  precision: 1,
  value: (s) => s.current[role] ?? { status: 'unavailable', reason: `no ${role} signal in the data` },
});

export const ENTITY_CATALOG: readonly EntitySpec[] = [
  cop('cop_now', 'COP now', (s) => s.cop.now),
  cop('cop_today', 'COP today', (s) => s.cop.today),
  cop('cop_7d', 'COP 7 days', (s) => s.cop.d7),
  cop('cop_30d', 'COP 30 days', (s) => s.cop.d30),
  {
    ...cop('cop_season', 'COP season', (s) => s.cop.season),
    attributes: (s) => ({ spf_boundary: s.spfBoundary ?? null }),
  },
  energy('electrical_energy_today', 'Electrical energy today', 'daily', (s) => s.energy.electricalToday),
  energy('heat_energy_today', 'Heat energy today', 'daily', (s) => s.energy.heatToday),
  energy('electrical_energy_total', 'Electrical energy total', 'total', (s) => s.energy.electricalTotal),
  energy('heat_energy_total', 'Heat energy total', 'total', (s) => s.energy.heatTotal),
  share('compressor_share_24h', 'Compressor runtime 24 h', 'mdi:engine', (s) => s.runtime24h.compressorShare),
  share(
    'aux_heater_share_24h',
    'Aux heater runtime 24 h',
    'mdi:radiator',
    (s) => s.runtime24h.auxHeaterShare,
  ),
  share(
    'hot_water_share_24h',
    'Hot water runtime 24 h',
    'mdi:water-boiler',
    (s) => s.runtime24h.hotWaterShare,
  ),
  {
    key: 'compressor_starts_24h',
    kind: 'sensor',
    name: 'Compressor starts 24 h',
    icon: 'mdi:restart',
    stateClass: 'measurement',
    precision: 0,
    value: (s) => s.runtime24h.starts,
  },
  {
    key: 'short_cycles_24h',
    kind: 'sensor',
    name: 'Short cycles 24 h',
    icon: 'mdi:sync-alert',
    stateClass: 'measurement',
    precision: 0,
    value: (s) => s.runtime24h.shortCycles,
  },
  // A temperature *difference*: device_class temperature would make HA convert 5 K into -268 °C.
  {
    key: 'supply_return_delta_t',
    kind: 'sensor',
    name: 'Supply-return delta T',
    icon: 'mdi:delta',
    stateClass: 'measurement',
    unit: 'K',
    precision: 2,
    value: (s) => s.deltaT.supplyReturn,
  },
  {
    key: 'brine_delta_t',
    kind: 'sensor',
    name: 'Brine delta T',
    icon: 'mdi:delta',
    stateClass: 'measurement',
    unit: 'K',
    precision: 2,
    value: (s) => s.deltaT.brine,
  },
  temperature('outdoor_temp', 'Outdoor temperature'),
  temperature('indoor_temp', 'Indoor temperature'),
  temperature('supply_temp', 'Supply temperature'),
  temperature('return_temp', 'Return temperature'),
  temperature('hot_water_temp', 'Hot water temperature'),
  temperature('brine_in_temp', 'Brine in temperature'),
  temperature('brine_out_temp', 'Brine out temperature'),
  temperature('hot_gas_temp', 'Hot gas temperature'),
  {
    key: 'electrical_power',
    kind: 'sensor',
    name: 'Electrical power',
    icon: 'mdi:flash',
    deviceClass: 'power',
    stateClass: 'measurement',
    unit: 'W',
    precision: 0,
    value: (s) => s.power.electrical,
  },
  {
    key: 'heat_power',
    kind: 'sensor',
    name: 'Heat power',
    icon: 'mdi:fire',
    deviceClass: 'power',
    stateClass: 'measurement',
    unit: 'W',
    precision: 0,
    value: (s) => s.power.heat,
  },
  {
    key: 'aux_heater_power',
    kind: 'sensor',
    name: 'Aux heater power',
    icon: 'mdi:radiator',
    deviceClass: 'power',
    stateClass: 'measurement',
    unit: 'kW',
    precision: 2,
    value: (s) => s.power.auxHeater,
  },
  {
    key: 'degree_minutes',
    kind: 'sensor',
    name: 'Degree minutes',
    icon: 'mdi:sigma',
    stateClass: 'measurement',
    unit: '°C·min',
    precision: 0,
    value: (s) =>
      s.current.degree_minutes ?? { status: 'unavailable', reason: 'no degree_minutes signal in the data' },
  },
  {
    key: 'data_quality',
    kind: 'sensor',
    name: 'Data quality 24 h',
    icon: 'mdi:database-check',
    stateClass: 'measurement',
    unit: '%',
    precision: 1,
    value: (s) => s.dataQuality,
    attributes: (s) => ({ roles_found: s.rolesFound }),
  },
  {
    key: 'compressor_running',
    kind: 'binary_sensor',
    name: 'Compressor running',
    icon: 'mdi:heat-pump',
    deviceClass: 'running',
    value: (s) => s.states.compressorRunning,
  },
  {
    key: 'aux_heater_on',
    kind: 'binary_sensor',
    name: 'Aux heater on',
    icon: 'mdi:radiator',
    deviceClass: 'heat',
    value: (s) => s.states.auxHeaterOn,
  },
  {
    key: 'hot_water_mode',
    kind: 'binary_sensor',
    name: 'Hot water mode',
    icon: 'mdi:water-boiler',
    value: (s) => s.states.hotWaterMode,
  },
  {
    key: 'alarm',
    kind: 'binary_sensor',
    name: 'Alarm',
    icon: 'mdi:alert',
    deviceClass: 'problem',
    value: (s) => s.alarm.active,
    attributes: (s) => ({ code: s.alarm.code, text: s.alarm.text, severity: s.alarm.severity }),
  },
];

export const CATALOG_KEYS: readonly string[] = ENTITY_CATALOG.map((e) => e.key);

export function entityId(spec: Pick<EntitySpec, 'kind' | 'key'>, deviceSlug: string): string {
  return `${spec.kind}.${deviceSlug}_${spec.key}`;
}

/** The catalog entries `publish.metrics` selects; unknown keys are a config error (thrown). */
export function selectEntities(metrics: 'all' | readonly string[]): EntitySpec[] {
  if (metrics === 'all') return [...ENTITY_CATALOG];
  const unknown = metrics.filter((m) => !CATALOG_KEYS.includes(m));
  if (unknown.length > 0)
    throw new RangeError(`unknown metric(s) ${unknown.join(', ')}; known: ${CATALOG_KEYS.join(', ')}`);
  return ENTITY_CATALOG.filter((e) => metrics.includes(e.key));
}
