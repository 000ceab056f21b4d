import type { Role } from './role.js';

/** One observation: `t` epoch milliseconds (UTC), `v` the value in the role's canonical unit. */
export interface Sample {
  readonly t: number;
  readonly v: number;
}

/**
 * Samples of one signal, sorted by `t` ascending with unique `t` and finite `v`
 * (what `cleanSeries` produces). Sampling is irregular: a value holds until the next sample,
 * up to a staleness limit (see metrics/segments).
 */
export type Series = readonly Sample[];

/** The signals of one heat pump keyed by role; absent roles are simply missing. */
export type SeriesByRole = Partial<Record<Role, Series>>;

/** A chart point; `v: null` marks a break in the line (ECharts draws a gap). */
export interface ChartPoint {
  readonly t: number;
  readonly v: number | null;
}
