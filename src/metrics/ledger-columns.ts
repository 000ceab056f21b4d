/**
 * A ledger's segments in their two forms: columns (what the metrics read) and objects (for callers
 * that keep segments), and the growable columns buildLedger writes.
 */

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

/**
 * The ledger's segments as columns: one Float64Array per field (read-only by contract), NaN where
 * a LedgerSegment has `undefined`, running and hotWater as 1 / 0 / NaN. A week of 30 s data is 20,000-100,000
 * segments; as objects each costs a dozen boxed numbers and the garbage collector's time, which
 * was half of a card's metric work (docs/PERFORMANCE.md, core fix C2), so the metrics read these.
 */
export interface LedgerColumns {
  readonly length: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly running: Float64Array;
  readonly hotWater: Float64Array;
  readonly auxKw: Float64Array;
  readonly auxKwh: Float64Array;
  readonly hpHeatKwh: Float64Array;
  readonly heatKwh: Float64Array;
  readonly elecKwh: Float64Array;
  readonly supplyC: Float64Array;
  readonly returnC: Float64Array;
  readonly brineInC: Float64Array;
  readonly brineOutC: Float64Array;
  readonly sourceC: Float64Array;
}

/** Which segments a sum covers: segment i of the columns passes or not. */
export type SegmentFilter = (c: LedgerColumns, i: number) => boolean;

type ColumnArrays = Omit<LedgerColumns, 'length'>;

const COLUMN_NAMES: ReadonlyArray<keyof ColumnArrays> = [
  'start',
  'end',
  'running',
  'hotWater',
  'auxKw',
  'auxKwh',
  'hpHeatKwh',
  'heatKwh',
  'elecKwh',
  'supplyC',
  'returnC',
  'brineInC',
  'brineOutC',
  'sourceC',
];

/**
 * Columns for exactly `length` segments, all views of one buffer. buildLedger counts its segments
 * first (a walk without writes) and allocates once: growing typed arrays by doubling, or pushing
 * to number[] columns, cost more than the count. Large buffers are allocated outside V8's heap,
 * and every one of them adds to what makes it collect; a week of signals logged at their own
 * times has 100,000-500,000 segments, and doubling spent half the ledger's time in the garbage
 * collector. (Fresh number[] columns also made V8 deoptimise the walk on every ledger: "not a
 * Smi", "lost precision or NaN" under --trace-deopt.)
 */
export function allocateColumns(length: number): LedgerColumns {
  const buffer = new ArrayBuffer(length * COLUMN_NAMES.length * Float64Array.BYTES_PER_ELEMENT);
  const out: Partial<Record<keyof ColumnArrays, Float64Array>> = {};
  COLUMN_NAMES.forEach((name, k) => {
    out[name] = new Float64Array(buffer, k * length * Float64Array.BYTES_PER_ELEMENT, length);
  });
  return { ...(out as ColumnArrays), length };
}

/** NaN -> undefined: the object form's "unknown". */
const known = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);
const flag = (v: number): boolean | undefined => (Number.isNaN(v) ? undefined : v === 1);

/** Segment i of the columns as an object. */
export function segmentAt(c: LedgerColumns, i: number): LedgerSegment {
  return {
    start: c.start[i] as number,
    end: c.end[i] as number,
    running: flag(c.running[i] as number),
    hotWater: flag(c.hotWater[i] as number),
    auxKw: known(c.auxKw[i] as number),
    auxKwh: known(c.auxKwh[i] as number),
    hpHeatKwh: known(c.hpHeatKwh[i] as number),
    heatKwh: known(c.heatKwh[i] as number),
    elecKwh: known(c.elecKwh[i] as number),
    supplyC: known(c.supplyC[i] as number),
    returnC: known(c.returnC[i] as number),
    brineInC: known(c.brineInC[i] as number),
    brineOutC: known(c.brineOutC[i] as number),
    sourceC: known(c.sourceC[i] as number),
  };
}

export function segmentsOf(c: LedgerColumns): LedgerSegment[] {
  const out: LedgerSegment[] = [];
  for (let i = 0; i < c.length; i += 1) out.push(segmentAt(c, i));
  return out;
}
