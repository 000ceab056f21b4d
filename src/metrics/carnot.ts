import { reasonOf, unavailableFor, withNotes, type Figure } from '../model/figure.js';
import { heatNotes, missingSources } from './energy.js';
import type { Ledger } from './ledger.js';

/** 0 °C in kelvin. */
export const KELVIN_AT_0C = 273.15;

/**
 * Carnot (ideal) heating COP between a condensing and an evaporating temperature given in °C:
 * COPc = Tc / (Tc - Te) with T in kelvin. Null when Tc <= Te or an input is not finite.
 */
export function carnotCop({
  condensingC,
  evaporatingC,
}: {
  condensingC: number;
  evaporatingC: number;
}): number | null {
  const tc = condensingC + KELVIN_AT_0C;
  const te = evaporatingC + KELVIN_AT_0C;
  if (!Number.isFinite(tc) || !Number.isFinite(te) || tc <= te || tc <= 0) return null;
  return tc / (tc - te);
}

/** Heat-weighted Carnot sums of running segments (kWh). */
export interface CarnotSums {
  /** Heat-pump heat Q of the segments where a Carnot COP exists. */
  readonly heatKwh: number;
  /** Σ Q_i / COPc_i: the electricity an ideal machine would have used for the same heat. */
  readonly idealElecKwh: number;
  /** Compressor-side electricity of the same segments (aux heater energy removed for scope 'unit'). */
  readonly elecKwh: number;
}

/**
 * Over segments [first, end) (all by default), per running segment: Tc = supply + condensingOffsetK, Te = source - evaporatingOffsetK
 * (source = brine in for ground, outdoor for air); only segments with heat, electricity, both
 * temperatures and a defined Carnot COP count.
 */
export function carnotSums(ledger: Ledger, first = 0, end = ledger.columns.length): CarnotSums {
  const o = ledger.options;
  const unit = o.electricityScope === 'unit';
  const c = ledger.columns;
  let heatKwh = 0;
  let idealElecKwh = 0;
  let elecKwh = 0;
  for (let i = first; i < end; i += 1) {
    if (c.running[i] !== 1) continue;
    const hpHeat = c.hpHeatKwh[i] as number;
    const elec = c.elecKwh[i] as number;
    const supplyC = c.supplyC[i] as number;
    const sourceC = c.sourceC[i] as number;
    if (Number.isNaN(hpHeat) || Number.isNaN(elec) || Number.isNaN(supplyC) || Number.isNaN(sourceC))
      continue;
    const copc = carnotCop({
      condensingC: supplyC + o.condensingOffsetK,
      evaporatingC: sourceC - o.evaporatingOffsetK,
    });
    if (copc === null) continue;
    const aux = c.auxKwh[i] as number;
    heatKwh += hpHeat;
    idealElecKwh += hpHeat / copc;
    elecKwh += elec - (unit && !Number.isNaN(aux) ? aux : 0);
  }
  return { heatKwh, idealElecKwh, elecKwh };
}

export interface NormalisedEfficiency {
  /** η = Σ(Q_i / COPc_i) / Σ E_i x 100 %: actual COP as a share of the heat-weighted Carnot COP. */
  readonly efficiencyPct: Figure;
  /** Heat-weighted Carnot COP ΣQ / Σ(Q/COPc) (a harmonic mean weighted by heat). */
  readonly carnotCop: Figure;
  readonly sums: CarnotSums;
}

/**
 * Normalised (Carnot) efficiency of a ledger, or of its segments [first, end): lets a cold week be
 * compared with a mild one.
 */
export function normalisedEfficiencyFromLedger(
  ledger: Ledger,
  first = 0,
  end = ledger.columns.length,
): NormalisedEfficiency {
  const o = ledger.options;
  const sums = carnotSums(ledger, first, end);
  const sourceRole = o.sourceType === 'air' ? 'outdoor_temp' : 'brine_in_temp';
  let why = missingSources(ledger);
  if (why === null && (!ledger.present.has('supply_temp') || !ledger.present.has(sourceRole))) {
    why = reasonOf('no_temperature_signal', `needs supply_temp and ${sourceRole} for the Carnot COP`);
  } else if (
    why === null &&
    (!(sums.elecKwh >= o.minCopElecKwh) || sums.elecKwh <= 0 || sums.idealElecKwh <= 0)
  ) {
    why = reasonOf('too_little_data', 'too little running time with heat, electricity and temperatures');
  }
  if (why !== null) return { efficiencyPct: unavailableFor(why), carnotCop: unavailableFor(why), sums };
  const notes = [
    reasonOf(
      'carnot_model',
      `Carnot COP between supply + ${o.condensingOffsetK} K and ${sourceRole} - ${o.evaporatingOffsetK} K, heat-weighted, running time only`,
    ),
    ...heatNotes(ledger, { includesAux: false, auxKwh: 0 }),
  ];
  return {
    efficiencyPct: withNotes((sums.idealElecKwh / sums.elecKwh) * 100, '%', notes),
    carnotCop: withNotes(sums.heatKwh / sums.idealElecKwh, '', notes),
    sums,
  };
}
