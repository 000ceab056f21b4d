import type { Role } from '../model/role.js';
import { DEFAULT_HEATING_SEASON, type HeatingSeason, PERIOD_KINDS, type PeriodKind } from './periods.js';
import { isValidTimeZone } from './zoned-time.js';

/** Where the heat pump takes its heat from; decides the Carnot evaporating temperature's source. */
export type SourceType = 'ground' | 'air';

/**
 * What the electricity signal measures (decides the SEPEMO boundary of SPF):
 * - compressor: the compressor only (SPF H1)
 * - heat_pump: compressor + source pump/fan, no aux heater, no heating-circuit pump (H2; H3 when the
 *   aux heater's estimated energy is added)
 * - unit: the whole unit incl. aux heater and built-in pumps, as a meter at its supply (H4)
 */
export type ElectricityScope = 'compressor' | 'heat_pump' | 'unit';

/** Every tunable of the metrics; units are in the names. */
export interface MetricOptions {
  /** kW of heat per K of supply - return while the compressor runs (flow in l/s x 4.18). */
  readonly flowFactorKwPerK: number;
  /** A sample holds its value this long at most (ms); beyond it a gap starts. */
  readonly staleMs: number;
  /** Per-role staleness (ms) for signals logged on change only (e.g. valve, alarm). */
  readonly staleMsByRole: Partial<Record<Role, number>>;
  /** A compressor cycle shorter than this (ms) is a short cycle. */
  readonly shortCycleMs: number;
  /** Hot-water cycles shorter than this (ms) are ignored (valve flicker). */
  readonly minHotWaterCycleMs: number;
  readonly sourceType: SourceType;
  /** Condensing temperature = supply + this (K). */
  readonly condensingOffsetK: number;
  /** Evaporating temperature = source (brine in / outdoor) - this (K). */
  readonly evaporatingOffsetK: number;
  /** IANA zone of "today", "this month" and the heating season. */
  readonly timeZone: string;
  /** Window of "COP now", ending at now (ms). */
  readonly copNowWindowMs: number;
  /** Interval COP is null when the interval's electricity is below this (kWh): ratio of noise. */
  readonly minCopElecKwh: number;
  /** A counter step implying more power than this (W) is a glitch and skipped (counter_jump). */
  readonly maxCounterPowerW: number;
  /** Counter range for wrap-around (kWh), e.g. 65536 for a 16-bit register; null: counters do not wrap. */
  readonly counterWrapKwh: number | null;
  readonly electricityScope: ElectricityScope;
  /** True when the heat signal (meter / counter) already includes the aux heater's heat. */
  readonly heatIncludesAux: boolean;
  readonly heatingSeason: HeatingSeason;
  /** Period of the "COP period" KPI tile. */
  readonly kpiPeriod: PeriodKind;
  /**
   * Aggregation window of the input (ms), 0 for raw samples. Aggregated states are the last value
   * of each window stamped with its start, so a compressor that stopped inside a window reads 0
   * for the whole window while its mean ΔT still holds the running part.
   */
  readonly sampleWindowMs: number;
}

export const DEFAULT_METRIC_OPTIONS: MetricOptions = {
  flowFactorKwPerK: 2.7,
  // Husdata polls every 30 s; 15 min bridges missed polls and the database's aggregation windows
  // up to 5 min. Raise it (>= 2 x window) when querying coarser windows.
  staleMs: 15 * 60_000,
  staleMsByRole: {},
  shortCycleMs: 10 * 60_000,
  minHotWaterCycleMs: 2 * 60_000,
  sourceType: 'ground',
  condensingOffsetK: 2,
  evaporatingOffsetK: 6,
  timeZone: 'Europe/Stockholm',
  copNowWindowMs: 15 * 60_000,
  minCopElecKwh: 0.01,
  maxCounterPowerW: 100_000,
  counterWrapKwh: null,
  electricityScope: 'unit',
  heatIncludesAux: false,
  heatingSeason: DEFAULT_HEATING_SEASON,
  kpiPeriod: 'season',
  sampleWindowMs: 0,
};

type NumberKey = {
  [K in keyof MetricOptions]: MetricOptions[K] extends number ? K : never;
}[keyof MetricOptions];

const POSITIVE: readonly NumberKey[] = ['staleMs', 'copNowWindowMs', 'maxCounterPowerW'];
const NON_NEGATIVE: readonly NumberKey[] = [
  'flowFactorKwPerK',
  'shortCycleMs',
  'minHotWaterCycleMs',
  'condensingOffsetK',
  'evaporatingOffsetK',
  'minCopElecKwh',
  'sampleWindowMs',
];

/**
 * Merges `partial` over the defaults. Invalid values are replaced by the default and reported as
 * "key: problem" lines, so the bridge can refuse bad config while the metrics never throw.
 */
export function checkMetricOptions(partial: Partial<MetricOptions> = {}): {
  options: MetricOptions;
  problems: string[];
} {
  const problems: string[] = [];
  const o: { -readonly [K in keyof MetricOptions]: MetricOptions[K] } = { ...DEFAULT_METRIC_OPTIONS };
  const given = partial as Record<string, unknown>;
  for (const key of [...POSITIVE, ...NON_NEGATIVE]) {
    const v = given[key];
    if (v === undefined) continue;
    const positive = POSITIVE.includes(key);
    // staleMs may be Infinity (hold values forever); other numbers must be finite.
    const ok =
      typeof v === 'number' &&
      !Number.isNaN(v) &&
      (positive ? v > 0 : v >= 0) &&
      (Number.isFinite(v) || key === 'staleMs');
    if (ok) o[key] = v;
    else
      problems.push(`${key}: expected a ${positive ? 'positive' : 'non-negative'} number, got ${String(v)}`);
  }
  const target = { given, o, problems };
  pickEnum(target, 'sourceType', ['ground', 'air']);
  pickEnum(target, 'electricityScope', ['compressor', 'heat_pump', 'unit']);
  pickEnum(target, 'kpiPeriod', PERIOD_KINDS);
  if (given.heatIncludesAux !== undefined) {
    if (typeof given.heatIncludesAux === 'boolean') o.heatIncludesAux = given.heatIncludesAux;
    else problems.push(`heatIncludesAux: expected true or false, got ${String(given.heatIncludesAux)}`);
  }
  if (given.timeZone !== undefined) {
    if (typeof given.timeZone === 'string' && isValidTimeZone(given.timeZone)) o.timeZone = given.timeZone;
    else problems.push(`timeZone: unknown IANA time zone ${String(given.timeZone)}`);
  }
  const wrap = given.counterWrapKwh;
  if (wrap !== undefined) {
    if (wrap === null || (typeof wrap === 'number' && Number.isFinite(wrap) && wrap > 0))
      o.counterWrapKwh = wrap;
    else problems.push(`counterWrapKwh: expected null or a positive number, got ${String(wrap)}`);
  }
  if (partial.staleMsByRole !== undefined) {
    const byRole: Partial<Record<Role, number>> = {};
    for (const [role, ms] of Object.entries(partial.staleMsByRole)) {
      if (typeof ms === 'number' && ms > 0) byRole[role as Role] = ms;
      else problems.push(`staleMsByRole.${role}: expected a positive number, got ${String(ms)}`);
    }
    o.staleMsByRole = byRole;
  }
  if (partial.heatingSeason !== undefined) {
    if (isSeason(partial.heatingSeason)) o.heatingSeason = partial.heatingSeason;
    else problems.push('heatingSeason: expected startMonth/endMonth 1-12 and startDay/endDay 1-31');
  }
  return { options: o, problems };
}

/** `partial` merged over DEFAULT_METRIC_OPTIONS, invalid values replaced by defaults. */
export function resolveMetricOptions(partial: Partial<MetricOptions> = {}): MetricOptions {
  return checkMetricOptions(partial).options;
}

/** Staleness limit (ms) of one role. */
export function staleMsFor(role: Role, options: MetricOptions): number {
  return options.staleMsByRole[role] ?? options.staleMs;
}

function pickEnum<K extends 'sourceType' | 'electricityScope' | 'kpiPeriod'>(
  {
    given,
    o,
    problems,
  }: {
    given: Record<string, unknown>;
    o: { -readonly [P in keyof MetricOptions]: MetricOptions[P] };
    problems: string[];
  },
  key: K,
  allowed: readonly MetricOptions[K][],
): void {
  const v = given[key];
  if (v === undefined) return;
  if ((allowed as readonly unknown[]).includes(v)) o[key] = v as MetricOptions[K];
  else problems.push(`${key}: expected one of ${allowed.join(', ')}, got ${String(v)}`);
}

function isSeason(s: HeatingSeason): boolean {
  const month = (m: unknown) => Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12;
  const day = (d: unknown) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 31;
  return month(s.startMonth) && month(s.endMonth) && day(s.startDay) && day(s.endDay);
}
