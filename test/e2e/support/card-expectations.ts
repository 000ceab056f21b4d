/**
 * What each card of the example view must show, derived from the card's config, the language's
 * texts (cards/i18n) and which of the bridge's entities HA holds a number for: a series for every
 * role with data, no series for a role the pump does not have.
 */
import type { HassEntity } from 'home-assistant-js-websocket';
import type { Texts } from '../../../cards/i18n/index.js';
import type { CardConfig } from './lovelace.js';

export interface ExpectedCard {
  tag: string;
  title: string;
  range: string;
  /** Series (line, pie, sankey) that must be drawn, each with finite data. */
  series: string[];
  /** Series the card may draw when the pump has the role (drawn empty or left out otherwise). */
  optional: string[];
  /**
   * State lanes that must be drawn; with data when their binary sensor was on at some time in the
   * card's range (a pump that made no hot water in the range has an empty hot-water lane).
   */
  lanes?: Array<{ name: string; entityId: string }>;
  /** At least one of these must be drawn with data (e.g. measured or estimated heat power). */
  anyOf: string[];
  /** Legend entries switched off by config. */
  hidden: string[];
  /** KPI tile labels. */
  tiles: string[];
  /** The readable reason the card shows instead of a chart (the pump lacks a signal it needs). */
  message?: string;
}

const TEMPERATURE_ROLES = [
  'outdoor_temp',
  'indoor_temp',
  'supply_temp',
  'return_temp',
  'hot_water_temp',
  'brine_in_temp',
  'brine_out_temp',
] as const;

/** Entity id of a role on the bridge (`<kind>.<device>_<key>`), as the cards' defaults resolve it. */
export function bridgeEntity(device: string, key: string): string {
  const binary = ['compressor_running', 'aux_heater_on', 'hot_water_mode', 'alarm'];
  return `${binary.includes(key) ? 'binary_sensor' : 'sensor'}.${device}_${key}`;
}

export function isNumeric(state: HassEntity | undefined): boolean {
  return state !== undefined && state.state !== '' && Number.isFinite(Number(state.state));
}

export function expectedCard(opts: {
  card: CardConfig;
  texts: Texts;
  states: Map<string, HassEntity>;
}): ExpectedCard {
  const { card, texts: t, states } = opts;
  const device = typeof card.device === 'string' ? card.device : 'heatpump';
  const has = (key: string): boolean => isNumeric(states.get(bridgeEntity(device, key)));
  const tag = card.type.replace(/^custom:/, '');
  const range = typeof card.range === 'string' ? card.range : '24h';
  const base = {
    tag,
    range,
    optional: [] as string[],
    anyOf: [] as string[],
    hidden: [] as string[],
    tiles: [] as string[],
  };
  const titled = (key: keyof Texts['card']): string =>
    typeof card.title === 'string' ? card.title : t.card[key];
  switch (tag) {
    case 'heatpump-kpi-card':
      return {
        ...base,
        title: titled('kpi'),
        series: [],
        tiles: [
          t.kpi.cop_now,
          t.kpi.cop_today,
          t.kpi.cop_range,
          t.kpi.runtime_today,
          t.kpi.energy_in,
          t.kpi.energy_out,
          t.kpi.alarm,
        ],
      };
    case 'heatpump-cop-card': {
      // No electricity signal (NIBE's gateway has no power meter): no COP to draw, only the reason.
      const cop = has('electrical_energy_total') || has('electrical_power');
      return {
        ...base,
        title: titled('cop'),
        series: [
          ...(cop ? [t.chart.interval_cop] : []),
          ...(card.show_outdoor === false ? [] : [t.role.outdoor_temp]),
        ],
        // The range COP is a mark line carried by a series of its own name.
        optional: [t.chart.period_cop, ...(cop ? [] : [t.chart.interval_cop])],
      };
    }
    case 'heatpump-energy-flow-card':
      return has('electrical_energy_total') || has('electrical_power')
        ? { ...base, title: titled('energy_flow'), series: [''] }
        : {
            ...base,
            title: titled('energy_flow'),
            series: [],
            message: t.reason.no_electricity_signal__needs,
          };
    case 'heatpump-temperature-card': {
      const hidden = new Set(Array.isArray(card.hidden) ? (card.hidden as string[]) : []);
      const present = TEMPERATURE_ROLES.filter((r) => has(r));
      return {
        ...base,
        title: titled('temperature'),
        series: present.map((r) => t.role[r]),
        lanes: [
          { name: t.role.compressor, entityId: `binary_sensor.${device}_compressor_running` },
          { name: t.role.hot_water_mode, entityId: `binary_sensor.${device}_hot_water_mode` },
        ],
        optional: [...TEMPERATURE_ROLES.filter((r) => !has(r)).map((r) => t.role[r]), t.role.aux_heater],
        hidden: [...hidden].map((r) => t.role[r as (typeof TEMPERATURE_ROLES)[number]]),
      };
    }
    case 'heatpump-runtime-card':
      return { ...base, title: titled('runtime'), series: [t.card.runtime] };
    case 'heatpump-performance-card':
      return {
        ...base,
        title: titled('performance'),
        series: [
          t.chart.delta_t_supply,
          ...(has('brine_in_temp') && has('brine_out_temp') ? [t.chart.delta_t_brine] : []),
        ],
        optional: has('brine_in_temp') && has('brine_out_temp') ? [] : [t.chart.delta_t_brine],
      };
    case 'heatpump-power-card':
      return {
        ...base,
        title: titled('power'),
        series: has('electrical_power') ? [t.role.electrical_power] : [],
        // Heat power is named "(estimated)" when it comes from the flow factor.
        anyOf: [t.role.heat_power, t.chart.heat_power_estimated],
        optional: [
          t.role.electrical_power,
          t.role.heat_power,
          t.chart.heat_power_estimated,
          t.role.aux_heater_power,
          t.role.aux_heater,
        ],
      };
    case 'heatpump-valve-card':
      return {
        ...base,
        title: titled('valve'),
        series: [t.chart.valve, t.role.compressor],
        optional: [t.role.aux_heater],
      };
    default:
      throw new Error(`no expectation for ${tag}`);
  }
}
