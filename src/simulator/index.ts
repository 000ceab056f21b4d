/**
 * A deterministic heat-pump + house + weather simulator: the bridge's built-in data source for the
 * demo and the data behind `heatpump-bridge simulate`. Pure (no I/O); generation is chunked.
 */
export { Prng, substream } from './prng.js';
export {
  SIM_BRANDS,
  DEFAULT_CLIMATE,
  DEFAULT_HOUSE,
  DEFAULT_HOT_WATER,
  DEFAULT_ALARMS,
  resolveOptions,
} from './options.js';
export type {
  SimBrand,
  HeatSource,
  ClimateOptions,
  HouseOptions,
  HeatPumpOptions,
  HotWaterOptions,
  AlarmOptions,
  SimulatorOptions,
  SimulatorInput,
} from './options.js';
export type { SimFrame } from './frame.js';
export { Simulation, alignToStep } from './simulation.js';
export {
  simulateFrames,
  simulateAll,
  startSimulation,
  DEFAULT_WARMUP_MS,
  DEFAULT_CHUNK_MS,
} from './generate.js';
export type { SimRange } from './generate.js';
export { TRUTH_ROLES, TRUTH_ROLE_NAMES, truthValue, framesToSeries } from './canonical.js';
export type { TruthRole } from './canonical.js';
export { HusdataLayout, HUSDATA_MEASUREMENT } from './husdata-layout.js';
export type { WrittenRegister } from './husdata-layout.js';
export { HUSDATA_READERS } from './husdata-registers.js';
export { HomeAssistantLayout } from './home-assistant-layout.js';
export type { HomeAssistantLayoutOptions } from './home-assistant-layout.js';
export { toLineProtocol, seriesKey } from './influx-point.js';
export type { InfluxPoint } from './influx-point.js';
export { carnotCop, compressorCop } from './heat-pump-physics.js';
export { SIM_ALARM_CODES } from './alarms.js';
export { seasonalMeanC, groundTemperatureC, dayOfYear } from './weather.js';
export { brandView } from './brand-view.js';
export type { BrandView } from './brand-view.js';
