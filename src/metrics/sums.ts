import type { Ledger, LedgerColumns, SegmentFilter } from './ledger.js';

/** Sums over the selected segments of a ledger; kWh and ms. */
export interface LedgerSums {
  /** Time of the selected segments. */
  readonly ms: number;
  /** Delivered heat over segments where heat is known. */
  readonly heatKwh: number;
  readonly hpHeatKwh: number;
  readonly auxKwh: number;
  readonly elecKwh: number;
  readonly heatKnownMs: number;
  readonly elecKnownMs: number;
  /**
   * COP basis: over segments where heat AND electricity are known, so a gap in one signal never
   * biases the ratio. Heat at the meter's boundary: delivered heat for scope 'unit' (its meter
   * also pays the aux heater), heat-pump heat otherwise.
   */
  readonly copHeatKwh: number;
  readonly copElecKwh: number;
  /** Aux energy inside the COP basis (counted in copHeatKwh for scope 'unit'). */
  readonly copAuxKwh: number;
  readonly pairedMs: number;
}

/**
 * Sums `ledger` over the segments that pass `select` (all by default), among segments
 * [first, end) (all by default: interval COP sums each bucket's own stretch).
 */
export function sumLedger(
  ledger: Ledger,
  select?: SegmentFilter,
  first = 0,
  end = ledger.columns.length,
): LedgerSums {
  const unit = ledger.options.electricityScope === 'unit';
  const c = ledger.columns;
  let ms = 0;
  let heatKwh = 0;
  let hpHeatKwh = 0;
  let auxKwh = 0;
  let elecKwh = 0;
  let heatKnownMs = 0;
  let elecKnownMs = 0;
  let copHeatKwh = 0;
  let copElecKwh = 0;
  let copAuxKwh = 0;
  let pairedMs = 0;
  for (let i = first; i < end; i += 1) {
    if (select && !select(c, i)) continue;
    const dt = (c.end[i] as number) - (c.start[i] as number);
    const aux = c.auxKwh[i] as number;
    const heat = c.heatKwh[i] as number;
    const hpHeat = c.hpHeatKwh[i] as number;
    const elec = c.elecKwh[i] as number;
    ms += dt;
    if (!Number.isNaN(aux)) auxKwh += aux;
    const heatKnown = !Number.isNaN(heat) && !Number.isNaN(hpHeat);
    if (heatKnown) {
      heatKwh += heat;
      hpHeatKwh += hpHeat;
      heatKnownMs += dt;
    }
    if (!Number.isNaN(elec)) {
      elecKwh += elec;
      elecKnownMs += dt;
      if (heatKnown) {
        copHeatKwh += unit ? heat : hpHeat;
        copElecKwh += elec;
        if (!Number.isNaN(aux)) copAuxKwh += aux;
        pairedMs += dt;
      }
    }
  }
  return {
    ms,
    heatKwh,
    hpHeatKwh,
    auxKwh,
    elecKwh,
    heatKnownMs,
    elecKnownMs,
    copHeatKwh,
    copElecKwh,
    copAuxKwh,
    pairedMs,
  };
}

/** Heat or aux is being produced: compressor running or aux heater on. */
export function isActive(c: LedgerColumns, i: number): boolean {
  // NaN > 0 is false: unknown aux power is not "on".
  return c.running[i] === 1 || (c.auxKw[i] as number) > 0;
}
