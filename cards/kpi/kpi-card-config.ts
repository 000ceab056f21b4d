import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const KPI_CARD_TAG = 'heatpump-kpi-card';

export const kpiCardConfig = cardConfigKit({
  tag: KPI_CARD_TAG,
  roles: [
    'cop_now',
    'cop_today',
    'electrical_energy',
    'heat_energy',
    'electrical_power',
    'heat_power',
    'supply_temp',
    'return_temp',
    'compressor',
    'hot_water_mode',
    'alarm',
  ],
  extraShape: {},
});

export type KpiCardConfig = Infer<typeof kpiCardConfig.schema>;
