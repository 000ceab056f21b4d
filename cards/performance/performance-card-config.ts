import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const PERFORMANCE_CARD_TAG = 'heatpump-performance-card';

export const performanceCardConfig = cardConfigKit({
  tag: PERFORMANCE_CARD_TAG,
  roles: ['supply_temp', 'return_temp', 'brine_in_temp', 'brine_out_temp', 'compressor'],
  extraShape: {},
});

export type PerformanceCardConfig = Infer<typeof performanceCardConfig.schema>;
