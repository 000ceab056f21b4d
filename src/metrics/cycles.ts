import { measured, unavailable, type Figure } from '../model/figure.js';
import type { Ledger } from './ledger.js';
import { stateRuns } from './state-runs.js';

const MS_PER_HOUR = 3_600_000;

/** Compressor starts and cycles over a range. */
export interface CycleFigures {
  /** Off -> on changes seen inside the data (count). */
  readonly starts: Figure;
  /** starts / hours with known compressor state (1/h). */
  readonly startsPerHour: Figure;
  /** Complete cycles: start and stop both seen. */
  readonly completeCycles: Figure;
  /** Mean length of complete cycles (min). */
  readonly meanCycleMinutes: Figure;
  /** Complete cycles shorter than shortCycleMs (count). */
  readonly shortCycles: Figure;
}

/**
 * Starts = off->on changes between contiguous known states; a cycle = an on-run whose start and
 * stop are both seen (runs cut by the range edge or a data gap are not cycles, so their length
 * is unknown rather than wrong).
 */
export function cyclesFromLedger(ledger: Ledger): CycleFigures {
  const runs = stateRuns(ledger.columns, ledger.columns.running, ledger.before.running);
  const coveredMs = runs.reduce((sum, r) => sum + (r.end - r.start), 0);
  if (coveredMs === 0) {
    const none = unavailable<number>('no compressor state in range', 'no_compressor_state');
    return {
      starts: none,
      startsPerHour: none,
      completeCycles: none,
      meanCycleMinutes: none,
      shortCycles: none,
    };
  }
  const on = runs.filter((r) => r.state);
  const starts = on.filter((r) => r.startSeen).length;
  const cycles = on.filter((r) => r.startSeen && r.endSeen).map((r) => r.end - r.start);
  const meanMs = cycles.length > 0 ? cycles.reduce((a, b) => a + b, 0) / cycles.length : null;
  return {
    starts: measured(starts, ''),
    startsPerHour: measured(starts / (coveredMs / MS_PER_HOUR), '1/h'),
    completeCycles: measured(cycles.length, ''),
    meanCycleMinutes:
      meanMs === null
        ? unavailable('no complete compressor cycle in range', 'no_complete_cycle')
        : measured(meanMs / 60_000, 'min'),
    shortCycles: measured(cycles.filter((ms) => ms < ledger.options.shortCycleMs).length, ''),
  };
}
