import { figureOf, type Figure } from '../model/figure.js';
import { copFromSums } from './cop.js';
import { heatNotes } from './energy.js';
import type { Ledger } from './ledger.js';
import { sumLedger } from './sums.js';

/** SEPEMO system boundaries: H1 compressor, H2 + source pump/fan, H3 + backup heater, H4 + sink pumps. */
export type SepemoBoundary = 'H1' | 'H2' | 'H3' | 'H4';

export interface SpfResult {
  /** The widest boundary the signals support; null when no SPF can be given. */
  readonly boundary: SepemoBoundary | null;
  readonly figure: Figure;
  /** The boundary in words, shown with the figure. */
  readonly description: string;
}

const DESCRIPTION: Readonly<Record<SepemoBoundary, string>> = {
  H1: 'H1: heat-pump heat / compressor electricity',
  H2: 'H2: heat-pump heat / electricity of compressor and source pump or fan',
  H3: 'H3: (heat-pump + aux heater heat) / (heat pump + source pump or fan + aux heater electricity)',
  H4: 'H4: all heat delivered / all electricity of the unit incl. aux heater and heating pumps',
};

/**
 * Seasonal performance factor over the ledger's range with its SEPEMO boundary, from what the
 * electricity signal measures (options.electricityScope):
 * - compressor: H1 = Σ Q_hp / Σ E
 * - heat_pump: H2 = Σ Q_hp / Σ E; with an aux heater signal H3 = (Σ Q_hp + Σ A) / (Σ E + Σ A)
 * - unit: H4 = Σ (Q_hp + A) / Σ E (the meter already pays the aux heater)
 * Sums over segments where heat and electricity are both known; A = aux kW x runtime.
 */
export function spfFromLedger(ledger: Ledger): SpfResult {
  const sums = sumLedger(ledger);
  const scope = ledger.options.electricityScope;
  const base = copFromSums(ledger, sums);
  if (base.status === 'unavailable')
    return { boundary: null, figure: base, description: 'no SPF: ' + base.reason };
  if (scope === 'unit') return { boundary: 'H4', figure: base, description: DESCRIPTION.H4 };
  if (scope === 'compressor') return { boundary: 'H1', figure: base, description: DESCRIPTION.H1 };
  if (!ledger.present.has('aux_heater')) return { boundary: 'H2', figure: base, description: DESCRIPTION.H2 };
  const heat = sums.copHeatKwh + sums.copAuxKwh;
  const elec = sums.copElecKwh + sums.copAuxKwh;
  // elec > 0: base is available, so copElecKwh > 0 already.
  const figure = figureOf(heat / elec, '', heatNotes(ledger, { includesAux: true, auxKwh: sums.copAuxKwh }));
  return { boundary: 'H3', figure, description: DESCRIPTION.H3 };
}
