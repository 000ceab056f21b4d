import {
  figureOf,
  reasonOf,
  unavailable,
  unavailableFor,
  type Figure,
  type Reason,
} from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { buildLedger, type Ledger, type SegmentFilter } from './ledger.js';
import { resolveMetricOptions, type MetricOptions } from './options.js';
import { isActive, sumLedger, type LedgerSums } from './sums.js';

/** Basis notes for a heat figure whose aux part is `auxKwh` (see LedgerSegment.heatKwh). */
export function heatNotes(
  ledger: Ledger,
  { includesAux, auxKwh }: { includesAux: boolean; auxKwh: number },
): Reason[] {
  const notes: Reason[] = [];
  if (ledger.heatSource?.status === 'estimated') notes.push(reasonOf('flow_factor', ledger.heatSource.basis));
  if (!includesAux || ledger.options.heatIncludesAux) return notes;
  if (!ledger.present.has('aux_heater'))
    notes.push(reasonOf('aux_not_counted', 'no aux heater signal: aux heat not counted'));
  else if (auxKwh > 0)
    notes.push(reasonOf('aux_estimated', 'includes aux heater heat estimated as its kW x runtime'));
  return notes;
}

/** Why a ledger has no heat source. */
export function noHeatSource(ledger: Ledger): Reason {
  return reasonOf('no_heat_signal', ledger.heatMissing ?? 'no heat signal');
}

/** Why a ledger has no electricity source. */
export function noElecSource(ledger: Ledger): Reason {
  return reasonOf('no_electricity_signal', ledger.elecMissing ?? 'no electricity signal');
}

/** Why a figure of heat and electricity cannot be had: a missing source; null when both exist. */
export function missingSources(ledger: Ledger): Reason | null {
  if (!ledger.heatSource) return noHeatSource(ledger);
  if (!ledger.elecSource) return noElecSource(ledger);
  return null;
}

/** Energies of a range, kWh. Splits need the valve; standby = neither compressor nor aux running. */
export interface EnergyFigures {
  /** Heat delivered: heat pump + aux heater. */
  readonly heat: Figure;
  /** Heat from the heat pump only (excluding the aux heater). */
  readonly heatPumpHeat: Figure;
  readonly heatSpaceHeating: Figure;
  readonly heatHotWater: Figure;
  /** Aux heater energy (= its heat), estimated from its kW x runtime. */
  readonly auxHeater: Figure;
  readonly electricity: Figure;
  /** Electricity while neither compressor nor aux heater runs (controls, pumps, standby). */
  readonly electricityStandby: Figure;
}

function heatFigure(ledger: Ledger, s: LedgerSums, includesAux: boolean): Figure {
  if (!ledger.heatSource) return unavailableFor(noHeatSource(ledger));
  if (s.heatKnownMs === 0) return unavailable('no heat data in range', 'no_heat_data');
  const value = includesAux ? s.heatKwh : s.hpHeatKwh;
  return figureOf(value, 'kWh', heatNotes(ledger, { includesAux, auxKwh: s.auxKwh }));
}

function elecFigure(ledger: Ledger, s: LedgerSums): Figure {
  if (!ledger.elecSource) return unavailableFor(noElecSource(ledger));
  if (s.elecKnownMs === 0) return unavailable('no electricity data in range', 'no_electricity_data');
  return figureOf(s.elecKwh, 'kWh', []);
}

/** Energy figures of a ledger (see EnergyFigures). */
export function energyFromLedger(ledger: Ledger): EnergyFigures {
  const all = sumLedger(ledger);
  const where = (select: SegmentFilter) => sumLedger(ledger, select);
  const valve = ledger.present.has('valve');
  const running = ledger.present.has('compressor') || ledger.present.has('compressor_speed');
  const noValve = unavailable('no valve signal: cannot split space heating and hot water', 'no_valve_signal');
  const aux = all.auxKwh;
  return {
    heat: heatFigure(ledger, all, true),
    heatPumpHeat: heatFigure(ledger, all, false),
    heatSpaceHeating: valve
      ? heatFigure(
          ledger,
          where((c, i) => c.hotWater[i] === 0),
          true,
        )
      : noValve,
    heatHotWater: valve
      ? heatFigure(
          ledger,
          where((c, i) => c.hotWater[i] === 1),
          true,
        )
      : noValve,
    auxHeater: ledger.present.has('aux_heater')
      ? figureOf(aux, 'kWh', [reasonOf('aux_estimated', 'aux heater kW x runtime')])
      : unavailable('no aux heater signal', 'no_aux_signal'),
    electricity: elecFigure(ledger, all),
    electricityStandby: running
      ? elecFigure(
          ledger,
          where((c, i) => c.running[i] === 0 && !isActive(c, i)),
        )
      : unavailable('no compressor signal: cannot tell standby from running', 'no_compressor_signal'),
  };
}

export interface EnergyQuery extends TimeRange {
  readonly options?: Partial<MetricOptions>;
}

/** Heat delivered over [from, to) in kWh: counter, else power, else flow-factor estimate. */
export function heatEnergy(series: SeriesByRole, { from, to, options }: EnergyQuery): Figure {
  return energyFromLedger(
    buildLedger(series, { range: { from, to }, options: resolveMetricOptions(options) }),
  ).heat;
}

/** Electrical energy over [from, to) in kWh: counter (resets handled), else integrated power. */
export function electricalEnergy(series: SeriesByRole, { from, to, options }: EnergyQuery): Figure {
  return energyFromLedger(
    buildLedger(series, { range: { from, to }, options: resolveMetricOptions(options) }),
  ).electricity;
}
