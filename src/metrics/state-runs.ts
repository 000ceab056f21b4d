import type { LedgerSegment } from './ledger.js';

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
  segments: readonly LedgerSegment[],
  stateOf: (seg: LedgerSegment) => boolean | undefined,
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
  segments.forEach((seg, i) => {
    const state = stateOf(seg);
    const prev = runs[runs.length - 1];
    const contiguous = prev !== undefined && prev.last === i - 1 && prev.end === seg.start;
    if (state === undefined) return;
    if (prev && contiguous && prev.state === state) {
      prev.end = seg.end;
      prev.last = i;
      return;
    }
    // The first segment may continue from the known state just before the range.
    const changeSeen = prev
      ? contiguous && prev.state !== state
      : i === 0 && stateBefore !== undefined && stateBefore !== state;
    if (prev && changeSeen) prev.endSeen = true;
    runs.push({
      start: seg.start,
      end: seg.end,
      state,
      startSeen: changeSeen,
      endSeen: false,
      first: i,
      last: i,
    });
  });
  return runs;
}
