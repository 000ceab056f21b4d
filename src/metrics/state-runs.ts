import type { LedgerColumns } from './ledger.js';

/** A maximal stretch of contiguous segments with the same known state. */
export interface StateRun {
  readonly start: number;
  readonly end: number;
  readonly state: boolean;
  /** Directly preceded (no gap) by the opposite known state: the run started inside the data. */
  readonly startSeen: boolean;
  /** Directly followed (no gap) by the opposite known state: the run ended inside the data. */
  readonly endSeen: boolean;
  /** Index range [first, last] of the run's segments. */
  readonly first: number;
  readonly last: number;
}

/**
 * Merges contiguous segments with equal known state into runs; unknown state or a time gap ends a
 * run. A state change counts as seen only between two contiguous runs (or, for the first segment,
 * against `stateBefore`, the state just before the range), so starts and cycles are never invented
 * at range edges or across gaps.
 */
export function stateRuns(
  columns: LedgerColumns,
  /** The state per segment: a column of `columns`, 1 / 0 / NaN (unknown). */
  states: Float64Array,
  stateBefore?: boolean,
): StateRun[] {
  const runs: Array<{
    start: number;
    end: number;
    state: boolean;
    startSeen: boolean;
    endSeen: boolean;
    first: number;
    last: number;
  }> = [];
  for (let i = 0; i < columns.length; i += 1) {
    const value = states[i] as number;
    if (Number.isNaN(value)) continue;
    const state = value === 1;
    const segStart = columns.start[i] as number;
    const segEnd = columns.end[i] as number;
    const prev = runs[runs.length - 1];
    const contiguous = prev !== undefined && prev.last === i - 1 && prev.end === segStart;
    if (prev && contiguous && prev.state === state) {
      prev.end = segEnd;
      prev.last = i;
      continue;
    }
    // The first segment may continue from the known state just before the range.
    const changeSeen = prev
      ? contiguous && prev.state !== state
      : i === 0 && stateBefore !== undefined && stateBefore !== state;
    if (prev && changeSeen) prev.endSeen = true;
    runs.push({
      start: segStart,
      end: segEnd,
      state,
      startSeen: changeSeen,
      endSeen: false,
      first: i,
      last: i,
    });
  }
  return runs;
}
