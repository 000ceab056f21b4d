import * as s from '../shared/schema.js';
import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const TEMPERATURE_CARD_TAG = 'heatpump-temperature-card';

export const TEMPERATURE_ROLES = [
  'outdoor_temp',
  'indoor_temp',
  'supply_temp',
  'return_temp',
  'hot_water_temp',
  'brine_in_temp',
  'brine_out_temp',
] as const;

export const LANE_ROLES = ['compressor', 'hot_water_mode', 'aux_heater'] as const;

export const temperatureCardConfig = cardConfigKit({
  tag: TEMPERATURE_CARD_TAG,
  roles: [...TEMPERATURE_ROLES, ...LANE_ROLES],
  extraShape: {
    /** temperatures initially hidden (still toggleable in the legend) */
    hidden: s.optional(s.array(s.enumOf(TEMPERATURE_ROLES))),
    /** show the state lanes (default true) */
    show_lanes: s.optional(s.boolean()),
  },
  extraForm: [
    { name: 'hidden', selector: { select: { multiple: true, options: [...TEMPERATURE_ROLES] } } },
    { name: 'show_lanes', selector: { boolean: {} } },
  ],
});

export type TemperatureCardConfig = Infer<typeof temperatureCardConfig.schema>;
