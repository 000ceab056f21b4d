import type { SourceRow } from './query-plan.js';

/**
 * Consecutive points of one row key as a transport read them: window starts (epoch ms) and
 * values side by side, NaN for a null value. Both transports hand these over instead of an object
 * per row, since the rows of one key arrive together (a Flux table, an InfluxQL series): the key
 * is then looked up once per run, and a year's 333 k rows make two number arrays per key instead
 * of 333 k objects.
 */
export interface KeyedPoints {
  readonly name: string;
  readonly t: number[];
  readonly v: number[];
}

/** Points in all runs. */
export function pointCount(runs: readonly KeyedPoints[]): number {
  let n = 0;
  for (const run of runs) n += run.t.length;
  return n;
}

/** One object per point, in run order (for tests and benches that look at rows). */
export function rowsOfPoints(runs: readonly KeyedPoints[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const run of runs)
    for (let i = 0; i < run.t.length; i++)
      rows.push({ t: run.t[i] as number, name: run.name, value: run.v[i] as number });
  return rows;
}
