import { cop, count, energy, figureNumber, share, temperature, type EntitySpec } from './entity-spec.js';

export type { EntitySpec } from './entity-spec.js';

/**
 * Every entity the bridge publishes, as one declarative table (DESIGN.md section 7). The entity id
 * is `<kind>.<device>_<key>`; units never change for an entity; energy counters only grow.
 * docs/ENTITIES.md is generated from this table (test/bridge/docs/entities-doc.test.ts).
 */

export const ENTITY_CATALOG: readonly EntitySpec[] = [
  cop({
    key: 'cop_now',
    name: 'COP now',
    description:
      'Heat / electricity over the running part of the last 15 min; unavailable while the compressor is off.',
    pick: (s) => s.cop.now,
  }),
  cop({
    key: 'cop_today',
    name: 'COP today',
    description: 'Σ heat / Σ electricity since local midnight, standby included.',
    pick: (s) => s.cop.today,
  }),
  cop({
    key: 'cop_7d',
    name: 'COP 7 days',
    description: 'Σ heat / Σ electricity over the last 7 days, standby included.',
    pick: (s) => s.cop.d7,
  }),
  cop({
    key: 'cop_30d',
    name: 'COP 30 days',
    description: 'Σ heat / Σ electricity over the last 30 days, standby included.',
    pick: (s) => s.cop.d30,
  }),
  {
    ...cop({
      key: 'cop_season',
      name: 'COP season',
      description:
        'Σ heat / Σ electricity since the start of the heating season (`metrics.heating_season_start`).',
      pick: (s) => s.cop.season,
    }),
    attributes: (s) => ({ spf_boundary: s.spf.boundary }),
  },
  {
    ...cop({
      key: 'spf_season',
      name: 'SPF season',
      description: 'Seasonal performance factor at the widest SEPEMO boundary (H1-H4) the signals support.',
      pick: (s) => s.spf.figure,
    }),
    icon: 'mdi:heat-pump-outline',
    attributes: (s) => ({ boundary: s.spf.boundary, boundary_description: s.spf.description }),
  },
  energy({
    key: 'electrical_energy_today',
    name: 'Electrical energy today',
    description: 'Electricity used since local midnight; resets only when the local day changes.',
    monotonic: 'daily',
    pick: (s) => s.energy.electricalToday,
  }),
  energy({
    key: 'heat_energy_today',
    name: 'Heat energy today',
    description: 'Heat delivered since local midnight (heat pump + aux heater).',
    monotonic: 'daily',
    pick: (s) => s.energy.heatToday,
  }),
  energy({
    key: 'electrical_energy_total',
    name: 'Electrical energy total',
    description: 'Electricity used since the start of the heating season; never decreases.',
    monotonic: 'total',
    pick: (s) => s.energy.electricalTotal,
  }),
  energy({
    key: 'heat_energy_total',
    name: 'Heat energy total',
    description: 'Heat delivered since the start of the heating season; never decreases.',
    monotonic: 'total',
    pick: (s) => s.energy.heatTotal,
  }),
  share({
    key: 'compressor_share_24h',
    name: 'Compressor runtime 24 h',
    description:
      'Share of the last 24 h the compressor ran (heating or hot water), of the time its state is known.',
    icon: 'mdi:engine',
    pick: (s) => s.runtime24h.compressorShare,
  }),
  share({
    key: 'aux_heater_share_24h',
    name: 'Aux heater runtime 24 h',
    description: 'Share of the last 24 h the aux heater was on, with or without the compressor.',
    icon: 'mdi:radiator',
    pick: (s) => s.runtime24h.auxHeaterShare,
  }),
  share({
    key: 'hot_water_share_24h',
    name: 'Hot water runtime 24 h',
    description: 'Share of the last 24 h the compressor ran with the valve in hot-water position.',
    icon: 'mdi:water-boiler',
    pick: (s) => s.runtime24h.hotWaterShare,
  }),
  count({
    key: 'compressor_starts_24h',
    name: 'Compressor starts 24 h',
    description: 'Compressor off -> on changes seen in the last 24 h.',
    icon: 'mdi:restart',
    pick: (s) => s.runtime24h.starts,
    attributes: (s) => ({
      starts_per_hour: figureNumber(s.runtime24h.startsPerHour, 2),
      mean_cycle_minutes: figureNumber(s.runtime24h.meanCycleMinutes, 1),
    }),
  }),
  count({
    key: 'short_cycles_24h',
    name: 'Short cycles 24 h',
    description: 'Complete compressor cycles shorter than `metrics.short_cycle_minutes` in the last 24 h.',
    icon: 'mdi:sync-alert',
    pick: (s) => s.runtime24h.shortCycles,
  }),
  count({
    key: 'hot_water_cycles_24h',
    name: 'Hot water cycles 24 h',
    description:
      'Hot-water runs (valve to hot water and back, at least `metrics.hot_water_min_cycle_minutes`) in 24 h.',
    icon: 'mdi:water-boiler',
    pick: (s) => s.runtime24h.hotWaterCycles,
    attributes: (s) => ({ mean_duration_minutes: figureNumber(s.runtime24h.hotWaterMeanMinutes, 1) }),
  }),
  // A temperature *difference*: device_class temperature would make HA convert 5 K into -268 °C.
  {
    key: 'supply_return_delta_t',
    kind: 'sensor',
    name: 'Supply-return delta T',
    description: 'Time-weighted mean supply - return while the compressor ran in the last 24 h.',
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
    description: 'Time-weighted mean brine in - brine out while the compressor ran in the last 24 h.',
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
    description: 'Latest measured electrical power.',
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
    description:
      'Heat meter power, else the flow-factor estimate of the latest interval (then `estimated: true`).',
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
    description: "Aux heater power now: the brand's nominal kW x level or steps (estimated).",
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
    description: 'Latest degree-minute value (NIBE degree minutes, Thermia integral).',
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
    description: 'Mean share of the last 24 h covered by fresh samples, over the roles found in the data.',
    icon: 'mdi:database-check',
    stateClass: 'measurement',
    unit: '%',
    precision: 1,
    value: (s) => s.dataQuality,
    attributes: (s) => ({
      roles_found: s.rolesFound,
      stale_roles: s.dataQualityDetail.staleRoles,
      skipped_samples: s.dataQualityDetail.skippedSamples,
    }),
  },
  {
    key: 'compressor_running',
    kind: 'binary_sensor',
    name: 'Compressor running',
    description: 'On while the compressor runs (on/off register, or speed above zero).',
    icon: 'mdi:heat-pump',
    deviceClass: 'running',
    value: (s) => s.states.compressorRunning,
  },
  {
    key: 'aux_heater_on',
    kind: 'binary_sensor',
    name: 'Aux heater on',
    description: 'On while the aux (electric) heater delivers any power.',
    icon: 'mdi:radiator',
    deviceClass: 'heat',
    value: (s) => s.states.auxHeaterOn,
  },
  {
    key: 'hot_water_mode',
    kind: 'binary_sensor',
    name: 'Hot water mode',
    description: 'On while the valve is in hot-water position (NIBE: priority hot water).',
    icon: 'mdi:water-boiler',
    value: (s) => s.states.hotWaterMode,
  },
  {
    key: 'alarm',
    kind: 'binary_sensor',
    name: 'Alarm',
    description: "On while the pump reports an active alarm; the code's text is in the attributes.",
    icon: 'mdi:alert',
    deviceClass: 'problem',
    value: (s) => s.alarm.active,
    attributes: (s) => ({
      code: s.alarm.code,
      text: s.alarm.text,
      severity: s.alarm.severity,
      code_is_last: s.alarm.codeIsLast,
      since: s.alarm.since === null ? null : new Date(s.alarm.since).toISOString(),
    }),
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
