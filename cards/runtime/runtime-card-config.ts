import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const RUNTIME_CARD_TAG = 'heatpump-runtime-card';

export const runtimeCardConfig = cardConfigKit({
  tag: RUNTIME_CARD_TAG,
  roles: ['compressor', 'hot_water_mode', 'aux_heater', 'aux_heater_power'],
  extraShape: {},
});

export type RuntimeCardConfig = Infer<typeof runtimeCardConfig.schema>;
