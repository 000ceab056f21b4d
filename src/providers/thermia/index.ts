import type { BrandProvider } from '../types.js';
import { THERMIA_ALARMS } from './alarms.js';
import { THERMIA_REGISTERS } from './registers.js';

/** Thermia Diplomat via Husdata H60/H66. */
export const thermia: BrandProvider = {
  id: 'thermia',
  displayName: 'Thermia',
  registers: THERMIA_REGISTERS,
  valve: { hotWaterValues: [1], description: '1A07: 0 space heating, 1 hot water' },
  // 3104 is a percentage of the aux heater's nominal power, about 9 kW on the Diplomat.
  aux: { kind: 'percent', nominalKw: 9 },
  compressor: { kind: 'onOff' },
  // 1A20 is the active flag and 2A91 the active code.
  alarm: { activeRole: 'alarm_active', codeRole: 'alarm_code', codeIsLastNotActive: false },
  alarms: THERMIA_ALARMS,
  alarmTableVerified: false,
  operatingModes: {
    0: { en: 'All off', sv: 'Allt av' },
    1: { en: 'Auto', sv: 'Auto' },
    2: { en: 'Normal', sv: 'Normal' },
    3: { en: 'Aux heater only', sv: 'Endast tillsats' },
    4: { en: 'Hot water only', sv: 'Endast varmvatten' },
  },
  notes: [
    'Register ids follow the C60 sheet cited by the original system; the sheet itself was not available to cross-check.',
    'No heat meter: heat is estimated with the flow factor unless a heat signal is added.',
  ],
};
