import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const ENERGY_FLOW_CARD_TAG = 'heatpump-energy-flow-card';

export const energyFlowCardConfig = cardConfigKit({
  tag: ENERGY_FLOW_CARD_TAG,
  roles: [
    'electrical_energy',
    'heat_energy',
    'electrical_power',
    'heat_power',
    'supply_temp',
    'return_temp',
    'compressor',
    'hot_water_mode',
    'aux_heater_power',
  ],
  extraShape: {},
});

export type EnergyFlowCardConfig = Infer<typeof energyFlowCardConfig.schema>;
