import type { BrandProvider } from '../types.js';
import { NIBE_ALARMS } from './alarms.js';
import { NIBE_REGISTERS } from './registers.js';

/** NIBE EB100 (F-series) via Husdata H60/H66. */
export const nibe: BrandProvider = {
  id: 'nibe',
  displayName: 'NIBE',
  registers: NIBE_REGISTERS,
  valve: { hotWaterValues: [1], description: '1A07: 0 space heating, 1 hot water' },
  // 9124 reports the aux power in kW; use { kind: 'percent', nominalKw } with 3104 if 9124 is absent.
  aux: { kind: 'kw' },
  compressor: { kind: 'onOff' },
  // NIBE has no alarm flag register: 2A20 holds the code while the alarm is active, 0 otherwise.
  alarm: { activeRole: null, codeRole: 'alarm_code', codeIsLastNotActive: false },
  alarms: NIBE_ALARMS,
  alarmTableVerified: false,
  operatingModes: {
    0: { en: 'Auto', sv: 'Auto' },
    1: { en: 'Manual', sv: 'Manuell' },
    2: { en: 'Aux heater only', sv: 'Endast tillsats' },
  },
  notes: [
    'The alarm table is UNVERIFIED: no manufacturer source was available.',
    'No electrical power or energy register: COP needs an electricity signal from another source.',
    '5C51 (heat energy) is stored raw; its scale was never checked on real data.',
  ],
};
