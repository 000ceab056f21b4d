import * as s from '../shared/schema.js';
import type { Infer } from '../shared/schema.js';
import { cardConfigKit } from '../shared/card-config-kit.js';

export const COP_CARD_TAG = 'heatpump-cop-card';

export const copCardConfig = cardConfigKit({
  tag: COP_CARD_TAG,
  roles: [
    'heat_energy',
    'electrical_energy',
    'heat_power',
    'electrical_power',
    'supply_temp',
    'return_temp',
    'compressor',
    'outdoor_temp',
  ],
  extraShape: { show_outdoor: s.optional(s.boolean()) },
  extraForm: [{ name: 'show_outdoor', selector: { boolean: {} } }],
});

export type CopCardConfig = Infer<typeof copCardConfig.schema>;
