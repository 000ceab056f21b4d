import { figureOf, measured, unavailable, type Figure, type Reason } from '../model/figure.js';
import { heatNotes } from './energy.js';
import type { Ledger } from './ledger.js';
import { stateRuns } from './state-runs.js';

const MS_PER_DAY = 86_400_000;

/** One hot-water production run (valve in hot-water position). Energies kWh, null when unknown. */
export interface HotWaterCycle {
  readonly start: number;
  readonly end: number;
  readonly durationMs: number;
  /** Heat delivered during the cycle (heat pump + aux). */
  readonly heatKwh: number | null;
  readonly elecKwh: number | null;
  /** Aux heater energy during the cycle (estimated; part of heatKwh). */
  readonly auxKwh: number;
}

export interface HotWaterCycleFigures {
  readonly count: Figure;
  /** count / days with known valve position. */
  readonly perDay: Figure;
  readonly meanDurationMinutes: Figure;
  readonly meanHeatKwh: Figure;
  readonly meanElecKwh: Figure;
  readonly cycles: readonly HotWaterCycle[];
}

/** Σ of a column over segments [first, last], null if any of them is unknown (NaN). */
function sumKnown(column: Float64Array, first: number, last: number): number | null {
  let total = 0;
  for (let i = first; i <= last; i += 1) {
    const v = column[i] as number;
    if (Number.isNaN(v)) return null;
    total += v;
  }
  return total;
}

function mean(
  values: ReadonlyArray<number | null>,
  { unit, what, notes = [] }: { unit: string; what: string; notes?: Reason[] },
): Figure {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return unavailable(`no hot-water cycle with known ${what}`, 'no_hot_water_cycle');
  return figureOf(known.reduce((a, b) => a + b, 0) / known.length, unit, notes);
}

/**
 * Hot-water cycles: valve runs to hot water whose switch-over and return are both seen, at least
 * minHotWaterCycleMs long; energy = Σ over the cycle's segments (null if any part is unknown).
 */
export function hotWaterCyclesFromLedger(ledger: Ledger): HotWaterCycleFigures {
  const runs = stateRuns(ledger.columns, ledger.columns.hotWater, ledger.before.hotWater);
  const knownMs = runs.reduce((sum, r) => sum + (r.end - r.start), 0);
  if (knownMs === 0) {
    const none = ledger.present.has('valve')
      ? unavailable<number>('no valve data in range', 'no_valve_data')
      : unavailable<number>('no valve signal', 'no_valve_signal');
    return {
      count: none,
      perDay: none,
      meanDurationMinutes: none,
      meanHeatKwh: none,
      meanElecKwh: none,
      cycles: [],
    };
  }
  const cycles = runs
    .filter(
      (r) => r.state && r.startSeen && r.endSeen && r.end - r.start >= ledger.options.minHotWaterCycleMs,
    )
    .map((r): HotWaterCycle => {
      const c = ledger.columns;
      let auxKwh = 0;
      for (let i = r.first; i <= r.last; i += 1)
        if (!Number.isNaN(c.auxKwh[i] as number)) auxKwh += c.auxKwh[i] as number;
      return {
        start: r.start,
        end: r.end,
        durationMs: r.end - r.start,
        heatKwh: ledger.heatSource ? sumKnown(c.heatKwh, r.first, r.last) : null,
        elecKwh: ledger.elecSource ? sumKnown(c.elecKwh, r.first, r.last) : null,
        auxKwh,
      };
    });
  const cycleAux = cycles.reduce((sum, c) => sum + c.auxKwh, 0);
  return {
    count: measured(cycles.length, ''),
    perDay: measured(cycles.length / (knownMs / MS_PER_DAY), '1/d'),
    meanDurationMinutes: mean(
      cycles.map((c) => c.durationMs / 60_000),
      { unit: 'min', what: 'duration' },
    ),
    meanHeatKwh: mean(
      cycles.map((c) => c.heatKwh),
      { unit: 'kWh', what: 'heat', notes: heatNotes(ledger, { includesAux: true, auxKwh: cycleAux }) },
    ),
    meanElecKwh: mean(
      cycles.map((c) => c.elecKwh),
      { unit: 'kWh', what: 'electricity' },
    ),
    cycles,
  };
}
