import type { AlarmTable } from '../types.js';

/**
 * IVT Rego 600/637 alarm numbers (register BA91, the LAST alarm). English from Husdata sheet C00,
 * Swedish from the original system's IVT profile. Code 10: C00 says "cold fluid in" (a duplicate of
 * 9, taken as a typo); GT11 is the brine-out sensor, as the Swedish text says.
 */
export const IVT_ALARMS: AlarmTable = {
  0: { en: 'No alarm', sv: 'Inget larm', severity: 'info' },
  1: { en: 'Radiator return sensor GT1', sv: 'Sensor radiator retur GT1', severity: 'error' },
  2: { en: 'Outdoor sensor GT2', sv: 'Utomhussensor GT2', severity: 'error' },
  3: { en: 'Hot-water sensor GT3', sv: 'Sensor varmvatten GT3', severity: 'error' },
  4: { en: 'Mixing-valve sensor GT4', sv: 'Blandningsventil sensor GT4', severity: 'error' },
  5: { en: 'Room sensor GT5', sv: 'Rumsensor GT5', severity: 'warning' },
  6: { en: 'Compressor sensor GT6', sv: 'Sensor kompressor GT6', severity: 'error' },
  7: { en: 'Heat-carrier out sensor GT8', sv: 'Sensor värmebärare ut GT8', severity: 'error' },
  8: { en: 'Heat-carrier in sensor GT9', sv: 'Sensor värmebärare in GT9', severity: 'error' },
  9: { en: 'Brine-in sensor GT10', sv: 'Sensor köldbärare in GT10', severity: 'error' },
  10: { en: 'Brine-out sensor GT11', sv: 'Sensor köldbärare ut GT11', severity: 'error' },
  11: { en: 'Compressor circuit breaker', sv: 'Kompressorkrets brytare', severity: 'critical' },
  12: { en: 'Electric heater cassette', sv: 'Elkassett', severity: 'error' },
  13: { en: 'Pump circuit breaker MB2', sv: 'Pumpkrets brytare MB2', severity: 'critical' },
  14: { en: 'Low-pressure switch LP', sv: 'Lågtrycksbrytare LP', severity: 'critical' },
  15: { en: 'High-pressure switch HP', sv: 'Högtrycksbrytare HP', severity: 'critical' },
  16: { en: 'High return temperature GT9', sv: 'Hög retur VP GT9', severity: 'warning' },
  17: { en: 'Heat-carrier out at maximum GT8', sv: 'Värmebärare ut max GT8', severity: 'warning' },
  18: { en: 'Brine in below limit GT10', sv: 'Köldbärare in under gräns GT10', severity: 'error' },
  19: { en: 'Brine out below limit GT11', sv: 'Köldbärare ut under gräns GT11', severity: 'error' },
  20: { en: 'Compressor superheat GT6', sv: 'Kompressor överhettning GT6', severity: 'critical' },
  21: { en: 'Wrong 3-phase order', sv: '3-fas felaktig ordning', severity: 'critical' },
  22: { en: 'Power failure', sv: 'Strömavbrott', severity: 'warning' },
  23: { en: 'Heat delta exceeded', sv: 'Värme delta överskriden', severity: 'warning' },
};
