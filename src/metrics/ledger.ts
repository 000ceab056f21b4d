import { mergeIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import { roleInfo, type Role } from '../model/role.js';
import type { Series, SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { counterCumulative, counterEnergy } from './counter.js';
import {
  chooseElectricitySource,
  chooseHeatSource,
  type EnergySource,
  type SourcePreference,
} from './energy-source.js';
import { ensureSeriesByRole } from './ensure-series.js';
import type { MetricOptions } from './options.js';
import { valueAt } from './segments.js';
import { buildTimeline, type TimelineSegment } from './timeline.js';
import { ranInWindow } from './window-running.js';

const MS_PER_HOUR = 3_600_000;
/** W x ms -> kWh. */
const W_MS_TO_KWH = 1 / 3_600_000_000;

/**
 * One stretch of time with everything the metrics need. `undefined` = unknown (gap or missing
 * role), never guessed. Energies are kWh within the segment.
 */
export interface LedgerSegment {
  readonly start: number;
  readonly end: number;
  /** Compressor running: compressor > 0, else compressor_speed > 0. */
  readonly running: boolean | undefined;
  /** Valve in hot-water position. */
  readonly hotWater: boolean | undefined;
  readonly auxKw: number | undefined;
  /** Aux heater energy = auxKw x time (estimated: nominal power, not metered); also its heat. */
  readonly auxKwh: number | undefined;
  /** Heat from the heat pump itself (excluding the aux heater). */
  readonly hpHeatKwh: number | undefined;
  /** Heat delivered = hpHeatKwh + auxKwh (aux counted as 0 where unknown). */
  readonly heatKwh: number | undefined;
  readonly elecKwh: number | undefined;
  readonly supplyC: number | undefined;
  readonly returnC: number | undefined;
  readonly brineInC: number | undefined;
  readonly brineOutC: number | undefined;
  /** Carnot source temperature: brine in (ground) or outdoor (air). */
  readonly sourceC: number | undefined;
}

/** The aligned segments of one range plus what the energies rest on. */
export interface Ledger {
  readonly range: TimeRange;
  readonly segments: readonly LedgerSegment[];
  readonly heatSource: EnergySource | null;
  /** Why there is no heat source (null when there is one). */
  readonly heatMissing: string | null;
  readonly elecSource: EnergySource | null;
  readonly elecMissing: string | null;
  /** Roles present (non-empty) in the input. */
  readonly present: ReadonlySet<Role>;
  readonly options: MetricOptions;
  /** States held just before the range (1 ms before `from`), so a change exactly at `from` is seen. */
  readonly before: { readonly running: boolean | undefined; readonly hotWater: boolean | undefined };
  /** The input after ensureSeriesByRole (what every figure was computed from). */
  readonly series: SeriesByRole;
  /** Bad samples of unclean input, counter resets and jumps found while building. */
  readonly issues: DataIssueCounts;
}

export interface LedgerOptions {
  readonly range: TimeRange;
  readonly options: MetricOptions;
  /** Extra segment boundaries (bucket edges). */
  readonly cuts?: readonly number[];
  /** Counters first (periods, default) or power first ("now"). */
  readonly prefer?: SourcePreference;
}

const TIMELINE_ROLES: readonly Role[] = [
  'compressor',
  'compressor_speed',
  'valve',
  'aux_heater',
  'supply_temp',
  'return_temp',
  'brine_in_temp',
  'brine_out_temp',
  'outdoor_temp',
  'heat_power',
  'electrical_power',
];

/** Counter energy over a segment, or undefined outside the counter's sampled span. */
function counterReader(cumulative: Series): (seg: TimelineSegment) => number | undefined {
  const first = cumulative[0]?.t ?? Infinity;
  const last = cumulative[cumulative.length - 1]?.t ?? -Infinity;
  return (seg) =>
    seg.start >= first && seg.end <= last ? counterEnergy(cumulative, seg.start, seg.end) : undefined;
}

function powerReader(role: Role): (seg: TimelineSegment) => number | undefined {
  return (seg) => {
    const w = seg.values[role];
    return w === undefined ? undefined : w * (seg.end - seg.start) * W_MS_TO_KWH;
  };
}

/**
 * Builds the ledger of [from, to): the timeline of all relevant roles (hold-last-value with
 * staleness), cut at counter span edges and `cuts`, with per-segment energies:
 * - counter: cumulative kWh (resets/wraps handled) interpolated linearly at segment edges
 * - power: W x duration
 * - flow factor: flowFactorKwPerK x max(0, supply - return) x duration while running, 0 while off
 *   (ΔT <= 0, e.g. at start-up or defrost, is not heat this method can measure)
 * heatIncludesAux: the heat signal already contains the aux heat, so hpHeat = heat - aux;
 * otherwise heat = hpHeat + aux.
 */
export function buildLedger(
  input: SeriesByRole,
  { range, options, cuts = [], prefer = 'counter' }: LedgerOptions,
): Ledger {
  const ensured = ensureSeriesByRole(input);
  const series = ensured.series;
  const heatChoice = chooseHeatSource(series, { options, prefer });
  const elecChoice = chooseElectricitySource(series, prefer);
  const heatSource = heatChoice.source;
  const elecSource = elecChoice.source;
  const issueSets: DataIssueCounts[] = [ensured.issues];
  const allCuts = [...cuts];

  type Reader = (seg: TimelineSegment) => number | undefined;
  const readerOf = (role: Role): Reader => {
    if (roleInfo(role).kind === 'power') return powerReader(role);
    const counted = counterCumulative(series[role] ?? [], {
      maxPowerW: options.maxCounterPowerW,
      wrapKwh: options.counterWrapKwh,
    });
    issueSets.push(counted.issues);
    const c = counted.cumulative;
    allCuts.push(c[0]?.t ?? range.from, c[c.length - 1]?.t ?? range.to);
    return counterReader(c);
  };
  const reader = (source: EnergySource | null): Reader | null => {
    if (!source || source.kind === 'flow_factor') return null;
    const main = readerOf(source.role);
    const fallback = source.fallbackRole ? readerOf(source.fallbackRole) : null;
    return fallback ? (seg) => main(seg) ?? fallback(seg) : main;
  };
  const readHeat = reader(heatSource);
  const readElec = reader(elecSource);

  const heatGate = flowFactorGate(series, heatSource, options);
  if (heatGate) for (const s of heatGate.series) allCuts.push(s.t);

  const timeline = buildTimeline(series, TIMELINE_ROLES, {
    from: range.from,
    to: range.to,
    staleMs: options.staleMs,
    staleMsByRole: options.staleMsByRole,
    cuts: allCuts,
  });
  const present = new Set<Role>(
    (Object.keys(series) as Role[]).filter((role) => (series[role]?.length ?? 0) > 0),
  );
  const hasAux = present.has('aux_heater');
  const segments = timeline.map((seg): LedgerSegment => {
    const v = seg.values;
    const hours = (seg.end - seg.start) / MS_PER_HOUR;
    const speedRunning = v.compressor_speed === undefined ? undefined : v.compressor_speed > 0;
    const running = v.compressor === undefined ? speedRunning : v.compressor > 0;
    const auxKwh = v.aux_heater === undefined ? undefined : v.aux_heater * hours;
    let measuredHeat: number | undefined;
    if (readHeat) measuredHeat = readHeat(seg);
    else if (heatSource?.kind === 'flow_factor')
      measuredHeat = flowFactorHeat({
        running: heatGate ? heatGate.at(seg.start) : running,
        v,
        hours,
        options,
      });
    const aux = hasAux ? (auxKwh ?? 0) : 0;
    const hpHeatKwh =
      measuredHeat === undefined ? undefined : options.heatIncludesAux ? measuredHeat - aux : measuredHeat;
    const heatKwh =
      measuredHeat === undefined ? undefined : options.heatIncludesAux ? measuredHeat : measuredHeat + aux;
    return {
      start: seg.start,
      end: seg.end,
      running,
      hotWater: v.valve === undefined ? undefined : v.valve >= 0.5,
      auxKw: v.aux_heater,
      auxKwh,
      hpHeatKwh,
      heatKwh,
      elecKwh: readElec ? readElec(seg) : undefined,
      supplyC: v.supply_temp,
      returnC: v.return_temp,
      brineInC: v.brine_in_temp,
      brineOutC: v.brine_out_temp,
      sourceC: options.sourceType === 'air' ? v.outdoor_temp : v.brine_in_temp,
    };
  });
  return {
    range,
    segments,
    heatSource,
    heatMissing: heatChoice.source ? null : heatChoice.reason,
    elecSource,
    elecMissing: elecChoice.source ? null : elecChoice.reason,
    present,
    before: stateBefore(series, range.from, options),
    series,
    options,
    issues: mergeIssueCounts(...issueSets),
  };
}

/**
 * For aggregated input (options.sampleWindowMs > 0) the flow-factor heat is gated on "ran at some
 * time in the window" instead of the window's last state (see ranInWindow); null for raw samples.
 */
function flowFactorGate(
  series: SeriesByRole,
  heatSource: EnergySource | null,
  options: MetricOptions,
): { series: Series; at: (t: number) => boolean | undefined } | null {
  if (heatSource?.kind !== 'flow_factor' || !(options.sampleWindowMs > 0)) return null;
  // compressor_speed is averaged per window, so speed > 0 already means "ran in the window".
  const compressor = series.compressor;
  if (!compressor || compressor.length === 0) return null;
  const ran = ranInWindow(compressor, options.sampleWindowMs);
  const staleMs = options.staleMsByRole.compressor ?? options.staleMs;
  return {
    series: ran,
    at: (t) => {
      const v = valueAt(ran, t, staleMs);
      return v === undefined ? undefined : v > 0;
    },
  };
}

function flowFactorHeat({
  running,
  v,
  hours,
  options,
}: {
  running: boolean | undefined;
  v: Partial<Record<Role, number>>;
  hours: number;
  options: MetricOptions;
}): number | undefined {
  if (running === false) return 0;
  if (running === undefined || v.supply_temp === undefined || v.return_temp === undefined) return undefined;
  return options.flowFactorKwPerK * Math.max(0, v.supply_temp - v.return_temp) * hours;
}

function stateBefore(series: SeriesByRole, from: number, options: MetricOptions): Ledger['before'] {
  const held = (role: Role) => {
    const s = series[role];
    return s ? valueAt(s, from - 1, options.staleMsByRole[role] ?? options.staleMs) : undefined;
  };
  const compressor = held('compressor');
  const speed = held('compressor_speed');
  const valve = held('valve');
  return {
    running: compressor !== undefined ? compressor > 0 : speed !== undefined ? speed > 0 : undefined,
    hotWater: valve === undefined ? undefined : valve >= 0.5,
  };
}
