import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const POWER_CARD_TAG = 'heatpump-power-card';

/** Used only without a heat-power entity, to estimate heat with the core's flow-factor method. */
export const HEAT_ESTIMATE_ROLES = ['supply_temp', 'return_temp', 'compressor'] as const;

export const powerCardConfig = cardConfigKit({
  tag: POWER_CARD_TAG,
  roles: ['electrical_power', 'heat_power', 'aux_heater_power', 'aux_heater', ...HEAT_ESTIMATE_ROLES],
  extraShape: {},
});

export type PowerCardConfig = Infer<typeof powerCardConfig.schema>;
