export type {
  Severity,
  AlarmLanguage,
  AlarmText,
  AlarmTable,
  RegisterType,
  AuxInput,
  RegisterEntry,
  AuxConversion,
  CompressorSemantics,
  ValveSemantics,
  AlarmSource,
  ModeTable,
  BrandProvider,
} from './types.js';
export { defineRegister, collectorDividesType } from './define-register.js';
export { BRAND_PROVIDERS } from './brands.js';
export { getProvider, listBrands, applyOverrides } from './registry.js';
export type { ProviderOverrides, RegisterOverride, BrandSummary } from './registry.js';
export { mapRows, mapPoints, startPointMapping } from './map-rows.js';
export type { ProviderRow, ProviderPoints, PointMapping, MapRowsResult } from './map-rows.js';
export { convertValue, isActiveAuxInput } from './convert-value.js';
export { combineAuxSteps, deriveSeries } from './derive-series.js';
export { describeAlarm, alarmInfo } from './describe-alarm.js';
export type { AlarmInfo } from './describe-alarm.js';
export { thermia } from './thermia/index.js';
export { ivt } from './ivt/index.js';
export { nibe } from './nibe/index.js';
export { generic, createGenericProvider } from './generic/index.js';
export type { GenericRoleMapping, GenericBrandOptions, GenericMapping } from './generic/index.js';
