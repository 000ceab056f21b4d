import type { AlarmTable, AlarmText, Severity } from '../types.js';

/*
 * UNVERIFIED. NIBE alarm codes for register 2A20, taken from the original system's NIBE table only:
 * Husdata sheet C40 has no alarm table and the original's own comments did not match its codes.
 * Check against the pump's manual before relying on a text. Severities follow the original's
 * ranges: 1-15 error, 20-39 critical, 40-49 warning, 50-69 error, 70-89 critical, 90+ warning.
 */

function severityOf(code: number): Severity {
  if (code === 0) return 'info';
  if (code <= 15) return 'error';
  if (code >= 20 && code <= 39) return 'critical';
  if (code >= 40 && code <= 49) return 'warning';
  if (code >= 50 && code <= 69) return 'error';
  if (code >= 70 && code <= 89) return 'critical';
  return 'warning';
}

const TEXTS: ReadonlyArray<readonly [number, string, string]> = [
  [0, 'No alarm', 'Inget larm'],
  [1, 'Sensor fault BT1 (outdoor)', 'Sensorfel BT1 (ute)'],
  [2, 'Sensor fault BT2 (flow)', 'Sensorfel BT2 (framledning)'],
  [3, 'Sensor fault BT3 (return)', 'Sensorfel BT3 (retur)'],
  [4, 'Sensor fault BT6 (hot-water charge)', 'Sensorfel BT6 (varmvattenladdning)'],
  [5, 'Sensor fault BT7 (hot-water top)', 'Sensorfel BT7 (varmvatten topp)'],
  [6, 'Sensor fault BT10 (brine in)', 'Sensorfel BT10 (köldbärare in)'],
  [7, 'Sensor fault BT11 (brine out)', 'Sensorfel BT11 (köldbärare ut)'],
  [8, 'Sensor fault BT12 (compressor)', 'Sensorfel BT12 (kompressor)'],
  [9, 'Sensor fault BT14 (external flow)', 'Sensorfel BT14 (extern framledning)'],
  [10, 'Sensor fault BT15 (external return)', 'Sensorfel BT15 (extern retur)'],
  [11, 'Sensor fault BT17 (suction gas)', 'Sensorfel BT17 (suggas)'],
  [12, 'Sensor fault BT25 (external flow 2)', 'Sensorfel BT25 (extern framledning 2)'],
  [13, 'Sensor fault BT50 (room)', 'Sensorfel BT50 (rum)'],
  [14, 'Sensor fault BP8 (pressure)', 'Sensorfel BP8 (tryck)'],
  [15, 'Sensor fault EP14 (external flow)', 'Sensorfel EP14 (extern framledning)'],
  [20, 'Compressor alarm', 'Kompressorlarm'],
  [21, 'High-pressure switch', 'Högtryckspressostat'],
  [22, 'Low-pressure switch', 'Lågtryckspressostat'],
  [23, 'Compressor motor protection', 'Motorskydd kompressor'],
  [24, 'Compressor overtemperature', 'För hög temperatur kompressor'],
  [25, 'Inverter fault', 'Fel frekvensomriktare'],
  [26, 'Compressor does not start', 'Kompressorn startar ej'],
  [27, 'Maximum frequency', 'Maxfrekvens'],
  [30, 'Brine flow too low', 'För lågt köldbärarflöde'],
  [31, 'Radiator flow too low', 'För lågt radiatorflöde'],
  [32, 'Brine pump alarm', 'Larm köldbärarpump'],
  [33, 'Radiator pump alarm', 'Larm radiatorpump'],
  [34, 'Shunt valve alarm', 'Larm shuntventil'],
  [35, 'Brine flow switch', 'Flödesvakt köldbärare'],
  [36, 'Radiator flow switch', 'Flödesvakt radiator'],
  [40, 'Hot-water temperature too high', 'För hög varmvattentemperatur'],
  [41, 'Legionella cycle failed', 'Legionellacykel misslyckades'],
  [42, 'Hot-water charge timeout', 'Tidsgräns varmvattenladdning'],
  [50, 'Aux heater fault', 'Fel tillsatsvärme'],
  [51, 'Aux heater fuse tripped', 'Säkring tillsatsvärme utlöst'],
  [52, 'Aux heater overtemperature', 'Övertemperatur tillsatsvärme'],
  [53, 'Aux heater step 1 fault', 'Fel tillsatsvärme steg 1'],
  [54, 'Aux heater step 2 fault', 'Fel tillsatsvärme steg 2'],
  [60, 'Communication fault (internal)', 'Kommunikationsfel (intern)'],
  [61, 'Communication fault (external)', 'Kommunikationsfel (extern)'],
  [62, 'Communication fault (sensor)', 'Kommunikationsfel (sensor)'],
  [63, 'Communication fault (display)', 'Kommunikationsfel (display)'],
  [64, 'Communication fault (inverter)', 'Kommunikationsfel (frekvensomriktare)'],
  [70, 'Phase-sequence fault', 'Fel fasföljd'],
  [71, 'Power failure', 'Strömavbrott'],
  [72, 'Low voltage', 'Låg spänning'],
  [73, 'High voltage', 'Hög spänning'],
  [74, 'Earth fault', 'Jordfel'],
  [75, 'System overheating', 'Systemet överhettat'],
  [76, 'Freeze protection (brine)', 'Frysskydd (köldbärare)'],
  [77, 'Freeze protection (radiator)', 'Frysskydd (radiator)'],
  [78, 'Freeze protection (hot water)', 'Frysskydd (varmvatten)'],
  [80, 'Configuration error', 'Konfigurationsfel'],
  [81, 'Installation error', 'Installationsfel'],
  [82, 'Setting error', 'Inställningsfel'],
  [83, 'COP too low', 'För lågt COP'],
  [90, 'Smart Grid communication', 'Smart Grid kommunikation'],
  [91, 'Smart Grid conflict', 'Smart Grid konflikt'],
  [92, 'External control fault', 'Fel extern styrning'],
  [200, 'Service needed', 'Service behövs'],
  [201, 'Filter service', 'Filterservice'],
  [202, 'Compressor service', 'Kompressorservice'],
  [203, 'Heating system service', 'Service värmesystem'],
  [255, 'Unknown alarm, call service', 'Okänt larm, kontakta service'],
];

/** UNVERIFIED NIBE alarm table (see the comment at the top of this file). */
export const NIBE_ALARMS: AlarmTable = Object.fromEntries(
  TEXTS.map(([code, en, sv]): [number, AlarmText] => [code, { en, sv, severity: severityOf(code) }]),
);
