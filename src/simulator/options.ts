/**
 * Simulator parameters. Defaults describe a typical Swedish detached house (about 8 kW design heat
 * loss at -20 °C) with a 6-7 kW on/off ground-source pump; air source swaps the heat source.
 */
export type SimBrand = 'thermia' | 'ivt' | 'nibe';
export type HeatSource = 'ground' | 'air';

export const SIM_BRANDS: readonly SimBrand[] = ['thermia', 'ivt', 'nibe'];

export interface ClimateOptions {
  /** Annual mean outdoor temperature, °C. */
  annualMeanC: number;
  /** Half the difference between the warmest and coldest seasonal mean, K. */
  annualAmplitudeC: number;
  /** Day of year (1-366) with the coldest seasonal mean. */
  coldestDayOfYear: number;
  /** Half the day/night swing in winter and in summer, K. */
  dailyAmplitudeWinterC: number;
  dailyAmplitudeSummerC: number;
  /** Standard deviation of the multi-day weather deviation, K. */
  weatherSigmaC: number;
  /** Correlation time of the weather deviation (a cold spell lasts about this long), hours. */
  weatherTimescaleHours: number;
  /** Local solar time offset from UTC, hours (daily maximum at 14:00 solar time). */
  utcOffsetHours: number;
}

export interface HouseOptions {
  /** Heat loss at the design outdoor temperature, W. */
  designHeatLossW: number;
  designOutdoorC: number;
  indoorSetpointC: number;
  /** Free heat from people and appliances, W. */
  internalGainsW: number;
  /** Building thermal time constant, hours. */
  timeConstantHours: number;
  /** Radiator mean water temperature at design conditions, °C. */
  designRadiatorMeanC: number;
  /** Radiator exponent (EN 442: about 1.3 for panel radiators). */
  radiatorExponent: number;
  /** Heat capacity of the heating circuit water and radiators, J/K. */
  circuitHeatCapacityJPerK: number;
  /** Above this outdoor temperature space heating stops, °C. */
  heatingStopOutdoorC: number;
  /** Parallel shift of the heating curve, K. */
  curveOffsetC: number;
}

export interface HeatPumpOptions {
  source: HeatSource;
  /** Compressor electrical input at 37 °C condensing, W. */
  compressorPowerW: number;
  /** Relative increase of compressor input per K of condensing temperature, 1/K. */
  compressorPowerSlopePerK: number;
  /** Fraction of the Carnot COP the machine achieves (0.45-0.5 for good units). */
  carnotEfficiency: number;
  /** Condensing = condenser outlet + this, K (same convention as the core's normalised efficiency). */
  condensingOffsetC: number;
  /** Evaporating = source temperature - this, K. */
  evaporatingOffsetC: number;
  /**
   * Condenser flow x specific heat, kW/K. 2.7 is the original system's default, so data written
   * by `simulate` gives the right COP when read back with a default configuration.
   */
  flowFactorKwPerK: number;
  /** Brine (or air) side flow factor, kW/K: sets brine in - out while running. */
  sourceFlowFactorKwPerK: number;
  /** Degree minutes at which the compressor starts and stops, °C·min. */
  startDegreeMinutes: number;
  stopDegreeMinutes: number;
  minOnMinutes: number;
  minOffMinutes: number;
  /** Aux heater steps, kW (cumulative: step k gives stepsKw[k-1] kW). */
  auxStepsKw: number[];
  /** Degree minutes at which the first aux step comes on, and the spacing of further steps. */
  auxStartDegreeMinutes: number;
  auxStepDegreeMinutes: number;
  /** Brine or fan pump, heating circuit pump and controller standby, W. */
  sourcePumpW: number;
  heatingPumpW: number;
  standbyW: number;
}

export interface HotWaterOptions {
  /** Tank volume, litres. */
  tankLitres: number;
  /** Charging starts below and stops above these tank-top temperatures, °C. */
  startC: number;
  stopC: number;
  /** Longest hot-water charge before heating gets the compressor back, minutes. */
  maxChargeMinutes: number;
  /** Tank standing loss, W/K above 20 °C. */
  standingLossWPerK: number;
  /** Mean hot-water use per day, kWh. */
  dailyUseKwh: number;
}

export interface AlarmOptions {
  /** Mean number of alarms per year (Poisson). */
  perYear: number;
  minMinutes: number;
  maxMinutes: number;
}

export interface SimulatorOptions {
  brand: SimBrand;
  seed: number;
  /** Simulation and sampling step, ms (the original collector polls every 30 s). */
  stepMs: number;
  climate: ClimateOptions;
  house: HouseOptions;
  heatPump: HeatPumpOptions;
  hotWater: HotWaterOptions;
  alarms: AlarmOptions;
}

export interface SimulatorInput {
  brand: SimBrand;
  source?: HeatSource;
  seed?: number;
  stepMs?: number;
  climate?: Partial<ClimateOptions>;
  house?: Partial<HouseOptions>;
  heatPump?: Partial<HeatPumpOptions>;
  hotWater?: Partial<HotWaterOptions>;
  alarms?: Partial<AlarmOptions>;
}

export const DEFAULT_CLIMATE: ClimateOptions = {
  annualMeanC: 7,
  annualAmplitudeC: 10.5,
  coldestDayOfYear: 25,
  dailyAmplitudeWinterC: 1.5,
  dailyAmplitudeSummerC: 4.5,
  weatherSigmaC: 4,
  weatherTimescaleHours: 60,
  utcOffsetHours: 1,
};

export const DEFAULT_HOUSE: HouseOptions = {
  designHeatLossW: 8000,
  designOutdoorC: -20,
  indoorSetpointC: 21,
  internalGainsW: 400,
  timeConstantHours: 40,
  designRadiatorMeanC: 42,
  radiatorExponent: 1.3,
  circuitHeatCapacityJPerK: 1.5e6,
  heatingStopOutdoorC: 17,
  curveOffsetC: 0,
};

const GROUND_PUMP: HeatPumpOptions = {
  source: 'ground',
  compressorPowerW: 1800,
  compressorPowerSlopePerK: 0.012,
  carnotEfficiency: 0.5,
  condensingOffsetC: 2,
  evaporatingOffsetC: 6,
  flowFactorKwPerK: 2.7,
  sourceFlowFactorKwPerK: 1.5,
  startDegreeMinutes: -60,
  stopDegreeMinutes: 0,
  minOnMinutes: 6,
  minOffMinutes: 20,
  auxStepsKw: [3, 6, 9],
  auxStartDegreeMinutes: -400,
  auxStepDegreeMinutes: 100,
  sourcePumpW: 120,
  heatingPumpW: 45,
  standbyW: 15,
};

/**
 * Air source: evaporator in outdoor air, a fan instead of a brine pump. An air coil needs a larger
 * approach temperature than a brine evaporator, and frost and defrost cost efficiency; both are
 * folded into a larger evaporating offset and a lower Carnot fraction (no explicit defrost cycles).
 */
const AIR_PUMP_OVERRIDES: Partial<HeatPumpOptions> = {
  source: 'air',
  carnotEfficiency: 0.45,
  evaporatingOffsetC: 9,
  compressorPowerW: 2000,
  sourceFlowFactorKwPerK: 1.8,
  sourcePumpW: 80,
};

export const DEFAULT_HOT_WATER: HotWaterOptions = {
  tankLitres: 180,
  startC: 45,
  stopC: 52,
  maxChargeMinutes: 45,
  standingLossWPerK: 1.5,
  dailyUseKwh: 5,
};

export const DEFAULT_ALARMS: AlarmOptions = { perYear: 10, minMinutes: 15, maxMinutes: 150 };

export function resolveOptions(input: SimulatorInput): SimulatorOptions {
  if (!SIM_BRANDS.includes(input.brand)) {
    throw new Error(`simulator: unknown brand "${String(input.brand)}" (known: ${SIM_BRANDS.join(', ')})`);
  }
  const source = input.heatPump?.source ?? input.source ?? 'ground';
  const pumpBase = source === 'air' ? { ...GROUND_PUMP, ...AIR_PUMP_OVERRIDES } : GROUND_PUMP;
  const options: SimulatorOptions = {
    brand: input.brand,
    seed: input.seed ?? 1,
    stepMs: input.stepMs ?? 30_000,
    climate: { ...DEFAULT_CLIMATE, ...input.climate },
    house: { ...DEFAULT_HOUSE, ...input.house },
    heatPump: { ...pumpBase, ...input.heatPump, source },
    hotWater: { ...DEFAULT_HOT_WATER, ...input.hotWater },
    alarms: { ...DEFAULT_ALARMS, ...input.alarms },
  };
  validate(options);
  return options;
}

function validate(o: SimulatorOptions): void {
  const fail = (key: string, why: string): never => {
    throw new Error(`simulator: ${key} ${why}`);
  };
  if (!Number.isInteger(o.stepMs) || o.stepMs < 1000 || o.stepMs > 600_000) {
    fail('stepMs', 'must be an integer between 1000 and 600000');
  }
  if (!Number.isFinite(o.seed)) fail('seed', 'must be a finite number');
  if (o.house.designOutdoorC >= o.house.indoorSetpointC)
    fail('house.designOutdoorC', 'must be below the setpoint');
  if (o.hotWater.stopC <= o.hotWater.startC) fail('hotWater.stopC', 'must be above hotWater.startC');
  if (o.heatPump.stopDegreeMinutes <= o.heatPump.startDegreeMinutes) {
    fail('heatPump.stopDegreeMinutes', 'must be above startDegreeMinutes');
  }
  if (!(o.heatPump.carnotEfficiency > 0 && o.heatPump.carnotEfficiency < 1)) {
    fail('heatPump.carnotEfficiency', 'must be between 0 and 1');
  }
  if (o.heatPump.auxStepsKw.some((kw, i, all) => kw <= 0 || (i > 0 && kw <= (all[i - 1] ?? 0)))) {
    fail('heatPump.auxStepsKw', 'must be increasing positive kW values');
  }
}
