import { mergeIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import { roleInfo, type Role } from '../model/role.js';
import type { Series, SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { counterColumns, cumulativeCursor, type CounterColumns } from './counter.js';
import {
  chooseElectricitySource,
  chooseHeatSource,
  type EnergySource,
  type SourcePreference,
} from './energy-source.js';
import { ensureSeriesByRole } from './ensure-series.js';
import type { MetricOptions } from './options.js';
import { valueAt } from './segments.js';
import {
  allocateColumns,
  segmentAt,
  segmentsOf,
  type LedgerColumns,
  type LedgerSegment,
} from './ledger-columns.js';
import { prepareTimeline } from './timeline.js';
import { ranInWindow } from './window-running.js';

const MS_PER_HOUR = 3_600_000;
/** W x ms -> kWh. */
const W_MS_TO_KWH = 1 / 3_600_000_000;

export type { LedgerColumns, LedgerSegment, SegmentFilter } from './ledger-columns.js';
export { segmentAt } from './ledger-columns.js';

/** The aligned segments of one range plus what the energies rest on. */
export interface Ledger {
  readonly range: TimeRange;
  /** What the metrics read (see LedgerColumns). */
  readonly columns: LedgerColumns;
  /** The same segments as objects, made on first access (for callers that keep segments). */
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

/** Index of each role in TIMELINE_ROLES: where walkTimeline puts its value. */
const AT = Object.freeze(
  Object.fromEntries(TIMELINE_ROLES.map((role, k) => [role, k])) as Record<Role, number>,
);

/** Energy (kWh) of one piece of time; undefined when unknown. Pieces are read in time order. */
type Reader = (start: number, end: number, values: Float64Array) => number | undefined;

/** Counter energy over a piece, or undefined outside the counter's sampled span. */
function counterReader(cumulative: CounterColumns): Reader {
  const n = cumulative.t.length;
  const first = n > 0 ? (cumulative.t[0] as number) : Infinity;
  const last = n > 0 ? (cumulative.t[n - 1] as number) : -Infinity;
  // Pieces arrive in order, so a forward cursor replaces two binary searches per piece.
  const at = cumulativeCursor(cumulative);
  return (start, end) => {
    if (start < first || end > last) return undefined;
    const before = at(start); // start first: the cursor only moves forward
    return at(end) - before;
  };
}

function powerReader(role: Role): Reader {
  const k = AT[role];
  return (start, end, values) => {
    const w = values[k] as number;
    return Number.isNaN(w) ? undefined : w * (end - start) * W_MS_TO_KWH;
  };
}

/** A held value, undefined where the role holds none. */
function held(values: Float64Array, k: number): number | undefined {
  const v = values[k] as number;
  return Number.isNaN(v) ? undefined : v;
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

  const readerOf = (role: Role): Reader => {
    if (roleInfo(role).kind === 'power') return powerReader(role);
    const counted = counterColumns(
      series[role] ?? [],
      { maxPowerW: options.maxCounterPowerW, wrapKwh: options.counterWrapKwh },
      range,
    );
    issueSets.push(counted.issues);
    const times = counted.t;
    allCuts.push(times[0] ?? range.from, times[times.length - 1] ?? range.to);
    return counterReader(counted);
  };
  const reader = (source: EnergySource | null): Reader | null => {
    if (!source || source.kind === 'flow_factor') return null;
    const main = readerOf(source.role);
    const fallback = source.fallbackRole ? readerOf(source.fallbackRole) : null;
    return fallback ? (start, end, values) => main(start, end, values) ?? fallback(start, end, values) : main;
  };
  const readHeat = reader(heatSource);
  const readElec = reader(elecSource);

  const heatGate = flowFactorGate(series, heatSource, options);
  if (heatGate) for (const s of heatGate.series) allCuts.push(s.t);

  const present = new Set<Role>(
    (Object.keys(series) as Role[]).filter((role) => (series[role]?.length ?? 0) > 0),
  );
  const hasAux = present.has('aux_heater');
  const timelineOptions = {
    from: range.from,
    to: range.to,
    staleMs: options.staleMs,
    staleMsByRole: options.staleMsByRole,
    cuts: allCuts,
  };
  const air = options.sourceType === 'air';
  const heatIncludesAux = options.heatIncludesAux;
  const flowFactor = heatSource?.kind === 'flow_factor';
  // Counted first, so the columns are allocated once at their size (see allocateColumns).
  const timeline = prepareTimeline(series, TIMELINE_ROLES, timelineOptions);
  const columns = allocateColumns(timeline.count());
  const { start: startCol, end: endCol, running: runningCol, hotWater: hotWaterCol } = columns;
  const { auxKw: auxKwCol, auxKwh: auxKwhCol, hpHeatKwh: hpHeatCol, heatKwh: heatCol } = columns;
  const { elecKwh: elecCol, supplyC: supplyCol, returnC: returnCol } = columns;
  const { brineInC: brineInCol, brineOutC: brineOutCol, sourceC: sourceCol } = columns;
  let n = 0;
  timeline.walk((start, end, values) => {
    const hours = (end - start) / MS_PER_HOUR;
    const compressor = values[AT.compressor] as number;
    const speed = values[AT.compressor_speed] as number;
    // 1 running, 0 not, NaN unknown (neither signal holds a value).
    const running = !Number.isNaN(compressor) ? +(compressor > 0) : !Number.isNaN(speed) ? +(speed > 0) : NaN;
    const auxKw = values[AT.aux_heater] as number;
    const auxKwh = auxKw * hours;
    let measuredHeat: number | undefined;
    if (readHeat) measuredHeat = readHeat(start, end, values);
    else if (flowFactor)
      measuredHeat = flowFactorHeat(
        heatGate ? heatGate.at(start) : Number.isNaN(running) ? undefined : running === 1,
        held(values, AT.supply_temp),
        held(values, AT.return_temp),
        hours,
        options,
      );
    const heat = measuredHeat ?? NaN;
    const aux = hasAux && !Number.isNaN(auxKwh) ? auxKwh : 0;
    const valve = values[AT.valve] as number;
    const brineInC = values[AT.brine_in_temp] as number;
    startCol[n] = start;
    endCol[n] = end;
    runningCol[n] = running;
    hotWaterCol[n] = Number.isNaN(valve) ? NaN : +(valve >= 0.5);
    auxKwCol[n] = auxKw;
    auxKwhCol[n] = auxKwh;
    hpHeatCol[n] = heatIncludesAux ? heat - aux : heat;
    heatCol[n] = heatIncludesAux ? heat : heat + aux;
    elecCol[n] = readElec ? (readElec(start, end, values) ?? NaN) : NaN;
    supplyCol[n] = values[AT.supply_temp] as number;
    returnCol[n] = values[AT.return_temp] as number;
    brineInCol[n] = brineInC;
    brineOutCol[n] = values[AT.brine_out_temp] as number;
    sourceCol[n] = air ? (values[AT.outdoor_temp] as number) : brineInC;
    n += 1;
  });
  let segments: readonly LedgerSegment[] | undefined;
  return {
    range,
    columns,
    get segments() {
      return (segments ??= segmentsOf(columns));
    },
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

/** The ledger's last segment (the state at the end of its range), undefined for an empty range. */
export function lastSegment(ledger: Ledger): LedgerSegment | undefined {
  const n = ledger.columns.length;
  return n > 0 ? segmentAt(ledger.columns, n - 1) : undefined;
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

function flowFactorHeat(
  running: boolean | undefined,
  supplyC: number | undefined,
  returnC: number | undefined,
  hours: number,
  options: MetricOptions,
): number | undefined {
  if (running === false) return 0;
  if (running === undefined || supplyC === undefined || returnC === undefined) return undefined;
  return options.flowFactorKwPerK * Math.max(0, supplyC - returnC) * hours;
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
