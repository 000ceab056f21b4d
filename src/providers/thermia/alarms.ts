import type { AlarmTable } from '../types.js';

/**
 * Thermia alarm codes (register 2A91). Source: the original system's Thermia tables; the C60
 * gateway sheet they cite was not available, so these could not be cross-checked.
 */
export const THERMIA_ALARMS: AlarmTable = {
  0: { en: 'No alarm', sv: 'Inget larm', severity: 'info' },
  10: { en: 'HP: high-pressure switch', sv: 'HP: högtryckspressostat', severity: 'critical' },
  11: { en: 'LP: low-pressure switch', sv: 'LP: lågtryckspressostat', severity: 'critical' },
  12: { en: 'MP: compressor motor protection', sv: 'MP: motorskydd kompressor', severity: 'critical' },
  13: { en: 'Freeze guard', sv: 'Frys: frysvakt', severity: 'critical' },
  14: { en: 'LP2: low pressure, stage 2', sv: 'LP2: lågtryck nivå 2', severity: 'error' },
  20: { en: 'Brine flow switch', sv: 'Flow: flödesvakt köldbärare', severity: 'error' },
  21: { en: 'Radiator flow switch', sv: 'Flow2: flödesvakt radiator', severity: 'error' },
  30: { en: 'Temperature sensor fault', sv: 'Sensor: temperatursensor fel', severity: 'error' },
  31: { en: 'Several sensors faulty', sv: 'Sensor2: flera sensorer fel', severity: 'error' },
  40: { en: 'Control board / communication fault', sv: 'Kommunikation: styrkortsfel', severity: 'error' },
  50: { en: 'Hot gas too hot', sv: 'Hetgas: för hög hetgastemperatur', severity: 'critical' },
  60: { en: 'External alarm', sv: 'Extern: externt larm', severity: 'warning' },
  70: { en: 'Service needed', sv: 'Service: service krävs', severity: 'warning' },
  80: { en: 'Information', sv: 'Info: information', severity: 'info' },
};
