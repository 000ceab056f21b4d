import type { SimFrame } from './frame.js';
import type { SimBrand, SimulatorOptions } from './options.js';

/** Reads one register's value from a frame in the gateway's STORED unit (after the collector's /10). */
export type RegisterReader = (f: SimFrame, o: SimulatorOptions) => number | undefined;

const bit = (on: boolean): number => (on ? 1 : 0);
const auxMaxKw = (o: SimulatorOptions): number =>
  o.heatPump.auxStepsKw[o.heatPump.auxStepsKw.length - 1] ?? 0;
const auxPercent: RegisterReader = (f, o) => (auxMaxKw(o) > 0 ? (100 * f.auxKw) / auxMaxKw(o) : 0);
const target: RegisterReader = (f) => (Number.isNaN(f.supplyTargetC) ? undefined : f.supplyTargetC);

/** Registers every brand's gateway reports the same way. */
const COMMON: Record<string, RegisterReader> = {
  '0007': (f) => f.outdoorC,
  '0008': (f) => f.indoorC,
  '0009': (f) => f.hotWaterC,
  '0005': (f) => f.brineInC,
  '0006': (f) => f.brineOutC,
  '1A01': (f) => bit(f.compressorOn),
  '1A07': (f) => bit(f.hotWaterMode),
  '1A04': (f) => bit(f.brinePumpOn),
  '0107': target,
  '0203': (_f, o) => o.house.indoorSetpointC,
};

/**
 * What each brand's Husdata gateway would report for the simulated pump, by register id. The
 * register metadata (name, type, unit) comes from the brand provider's table, so simulated data
 * is exactly what the bridge reads; registers a real pump of the brand lacks (pool, cooling,
 * circuit 2, phase currents) are left out rather than invented.
 */
export const HUSDATA_READERS: Record<SimBrand, Record<string, RegisterReader>> = {
  thermia: {
    ...COMMON,
    // Thermia's radiator pair sits on the condenser side, so it sees hot-water charging too.
    '0002': (f) => f.supplyC,
    '0001': (f) => f.returnC,
    '0012': (f) => f.hotGasC,
    '3104': auxPercent,
    '1A06': (f) => bit(f.heatingPumpOn),
    '3109': (f) => (f.heatingPumpOn ? 60 : 0),
    '3110': (f) => (f.brinePumpOn ? 80 : 0),
    CFAA: (f) => f.electricalW,
    '5FAB': (f) => f.electricalKwh,
    '8105': (f) => f.degreeMinutes,
    '1A20': (f) => bit(f.alarmCode !== 0),
    '2A91': (f) => f.alarmCode,
    '2201': () => 1,
    '0208': (_f, o) => o.hotWater.stopC,
    '0212': (_f, o) => o.hotWater.startC,
    '0211': (_f, o) => o.house.heatingStopOutdoorC,
    '6C60': (f) => f.compressorHours,
    '6C64': (f) => f.hotWaterHours,
  },
  ivt: {
    ...COMMON,
    '0004': (f) => f.supplyC,
    '0003': (f) => f.returnC,
    '0002': (f) => f.radiatorSupplyC,
    '0001': (f) => f.radiatorReturnC,
    '000B': (f) => f.hotGasC,
    // IVT relays: step 1 = 3 kW, step 2 = 6 kW, both = 9 kW.
    '1A02': (f) => bit(f.auxStep === 1 || f.auxStep >= 3),
    '1A03': (f) => bit(f.auxStep >= 2),
    '3104': auxPercent,
    '1A06': (f) => bit(f.heatingPumpOn),
    '1A05': (f) => bit(f.heatingPumpOn || f.compressorOn),
    '1A20': (f) => bit(f.alarmCode !== 0),
    // BA91 keeps the last alarm after it clears: the defect source the provider must not misread.
    BA91: (f) => f.lastAlarmCode,
    CFAA: (f) => f.electricalW,
    '5FAB': (f) => f.electricalKwh,
    '0111': (_f, o) => o.hotWater.stopC,
    '0208': (_f, o) => o.hotWater.stopC,
    '020A': (_f, o) => o.house.heatingStopOutdoorC,
    '6C55': (f) => f.compressorHours - f.hotWaterHours,
    '6C56': (f) => f.hotWaterHours,
  },
  nibe: {
    ...COMMON,
    '0004': (f) => f.supplyC,
    '0003': (f) => f.returnC,
    '000A': (f) => f.hotWaterC - 4,
    '000B': (f) => f.hotGasC,
    '3104': auxPercent,
    '9124': (f) => f.auxKw,
    '1A05': (f) => bit(f.heatingPumpOn || f.compressorOn),
    '5C51': (f) => f.heatKwh,
    '5C53': (f) => f.heatHotWaterKwh,
    '8105': (f) => f.degreeMinutes,
    '8255': (_f, o) => o.heatPump.startDegreeMinutes,
    '2A20': (f) => f.alarmCode,
    '2201': () => 0,
    '9226': (_f, o) => auxMaxKw(o),
  },
};
