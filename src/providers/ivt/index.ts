import type { BrandProvider } from '../types.js';
import { IVT_ALARMS } from './alarms.js';
import { IVT_REGISTERS } from './registers.js';

/** IVT Greenline / Rego 600-637 via Husdata H60/H66. */
export const ivt: BrandProvider = {
  id: 'ivt',
  displayName: 'IVT',
  registers: IVT_REGISTERS,
  valve: { hotWaterValues: [1], description: '1A07: 0 radiator (space heating), 1 hot water' },
  // Two relay steps 1A02/1A03, normally 3 kW + 6 kW; switch to { kind: 'percent', nominalKw: 9 }
  // to use 3104 instead.
  aux: { kind: 'steps', stepKw: [3, 6] },
  compressor: { kind: 'onOff' },
  // BA91 keeps the LAST alarm number after the alarm clears: only 1A20 says an alarm is active.
  alarm: { activeRole: 'alarm_active', codeRole: 'alarm_code', codeIsLastNotActive: true },
  alarms: IVT_ALARMS,
  alarmTableVerified: true,
  operatingModes: {},
  notes: [
    'CFAA (power) and 5FAB (energy) are common H60/H66 registers not listed in C00; without them there is no COP.',
    'The alarm code register BA91 holds the last alarm, not the active one; 1A20 is the active flag.',
  ],
};
