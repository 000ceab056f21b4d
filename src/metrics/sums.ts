import type { Ledger, LedgerSegment } from './ledger.js';

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

/** Sums `ledger` over the segments that pass `select` (all by default). */
export function sumLedger(ledger: Ledger, select: (seg: LedgerSegment) => boolean = () => true): LedgerSums {
  const unit = ledger.options.electricityScope === 'unit';
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
  for (const seg of ledger.segments) {
    if (!select(seg)) continue;
    const dt = seg.end - seg.start;
    ms += dt;
    auxKwh += seg.auxKwh ?? 0;
    if (seg.heatKwh !== undefined && seg.hpHeatKwh !== undefined) {
      heatKwh += seg.heatKwh;
      hpHeatKwh += seg.hpHeatKwh;
      heatKnownMs += dt;
    }
    if (seg.elecKwh !== undefined) {
      elecKwh += seg.elecKwh;
      elecKnownMs += dt;
    }
    if (seg.heatKwh !== undefined && seg.hpHeatKwh !== undefined && seg.elecKwh !== undefined) {
      copHeatKwh += unit ? seg.heatKwh : seg.hpHeatKwh;
      copElecKwh += seg.elecKwh;
      copAuxKwh += seg.auxKwh ?? 0;
      pairedMs += dt;
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
export function isActive(seg: LedgerSegment): boolean {
  return seg.running === true || (seg.auxKw ?? 0) > 0;
}
