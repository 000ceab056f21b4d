export { DEFAULT_METRIC_OPTIONS, checkMetricOptions, resolveMetricOptions, staleMsFor } from './options.js';
export type { MetricOptions, SourceType, ElectricityScope } from './options.js';
export { heldSegments, valueAt, firstIndexAfter, firstIndexAtOrAfter } from './segments.js';
export type { HoldOptions, HeldSegment } from './segments.js';
export { integrate, timeShare, gapsOf } from './integrate.js';
export { ranInWindow } from './window-running.js';
export type { Gap, IntegrateResult, TimeShareResult } from './integrate.js';
export { buildTimeline } from './timeline.js';
export type { TimelineOptions, TimelineSegment } from './timeline.js';
export { counterCumulative, cumulativeAt, counterEnergy } from './counter.js';
export type { CounterOptions, CounterResult } from './counter.js';
export { chooseHeatSource, chooseElectricitySource } from './energy-source.js';
export type { EnergySource, EnergySourceKind, SourceChoice, SourcePreference } from './energy-source.js';
export { isValidSeries, ensureSeriesByRole } from './ensure-series.js';
export { buildLedger, lastSegment, segmentAt } from './ledger.js';
export type { Ledger, LedgerColumns, LedgerSegment, LedgerOptions, SegmentFilter } from './ledger.js';
export { sumLedger, isActive } from './sums.js';
export type { LedgerSums } from './sums.js';
export { energyFromLedger, heatEnergy, electricalEnergy, heatNotes } from './energy.js';
export type { EnergyFigures, EnergyQuery } from './energy.js';
export {
  copFromSums,
  periodCop,
  periodCopFromLedger,
  rangeCopFromLedger,
  copNow,
  copNowFromLedger,
} from './cop.js';
export type { CopSums, PeriodCop, CopQuery } from './cop.js';
export { heatPowerNow, heatPowerNowFromLedger } from './heat-power-now.js';
export { intervalCop, intervalCopFromLedger, bucketEdges } from './interval-cop.js';
export type { IntervalCopBucket, IntervalCopQuery } from './interval-cop.js';
export { KELVIN_AT_0C, carnotCop, carnotSums, normalisedEfficiencyFromLedger } from './carnot.js';
export type { CarnotSums, NormalisedEfficiency } from './carnot.js';
export { spfFromLedger } from './spf.js';
export type { SepemoBoundary, SpfResult } from './spf.js';
export { runtimeBreakdown, runtimeFromLedger, runtimeShares } from './runtime.js';
export type { RuntimeBreakdown, RuntimeFigures } from './runtime.js';
export { stateRuns } from './state-runs.js';
export type { StateRun } from './state-runs.js';
export { cyclesFromLedger } from './cycles.js';
export type { CycleFigures } from './cycles.js';
export { hotWaterCyclesFromLedger } from './hot-water-cycles.js';
export type { HotWaterCycle, HotWaterCycleFigures } from './hot-water-cycles.js';
export {
  segmentDeltaT,
  meanDeltaT,
  deltaTFromLedger,
  deltaTSeries,
  deltaTSeriesFromLedger,
} from './delta-t.js';
export type { DeltaTPair, DeltaTFigures } from './delta-t.js';
export { energyFlowFromLedger } from './energy-flow.js';
export type { EnergyFlow, FlowNode, FlowLink, FlowNodeId } from './energy-flow.js';
export { alarmStatus } from './alarm.js';
export type { AlarmStatus, AlarmQuery } from './alarm.js';
export { computeKpis } from './kpi.js';
export type { KpiSet, KpiQuery } from './kpi.js';
export { dataQuality } from './data-quality.js';
export type { DataQuality, RoleQuality } from './data-quality.js';
export {
  isValidTimeZone,
  toZoned,
  fromZoned,
  zoneOffsetMs,
  startOfLocalDay,
  addLocalDays,
  localMidnightsBetween,
} from './zoned-time.js';
export type { LocalDateTime } from './zoned-time.js';
export { PERIOD_KINDS, DEFAULT_HEATING_SEASON, periodRange } from './periods.js';
export type { PeriodKind, HeatingSeason } from './periods.js';
export { computePeriodMetrics } from './period-metrics.js';
export type { PeriodMetrics, PeriodMetricsInput } from './period-metrics.js';
