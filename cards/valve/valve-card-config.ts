import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const VALVE_CARD_TAG = 'heatpump-valve-card';

export const valveCardConfig = cardConfigKit({
  tag: VALVE_CARD_TAG,
  roles: ['hot_water_mode', 'compressor', 'aux_heater'],
  extraShape: {},
});

export type ValveCardConfig = Infer<typeof valveCardConfig.schema>;
