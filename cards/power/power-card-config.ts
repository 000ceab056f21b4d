import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const POWER_CARD_TAG = 'heatpump-power-card';

export const powerCardConfig = cardConfigKit({
  tag: POWER_CARD_TAG,
  roles: ['electrical_power', 'heat_power', 'aux_heater_power', 'aux_heater'],
  extraShape: {},
});

export type PowerCardConfig = Infer<typeof powerCardConfig.schema>;
