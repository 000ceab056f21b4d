import type { Role } from './role.js';

/**
 * One observation: `t` epoch milliseconds (UTC), `v` the value in the role's canonical unit.
 * With `gap: true` it is a gap marker instead (see gapMarker): the signal has no value from `t`
 * on, so the previous value stops holding there; its `v` is NaN and must not be read.
 */
export interface Sample {
  readonly t: number;
  readonly v: number;
  readonly gap?: true;
}

/**
 * Samples of one signal, sorted by `t` ascending with unique `t` and finite `v`, except gap
 * markers (what `cleanSeries` produces). Sampling is irregular: a value holds until the next
 * sample or gap marker, up to a staleness limit (see metrics/segments).
 */
export type Series = readonly Sample[];

/** The signals of one heat pump keyed by role; absent roles are simply missing. */
export type SeriesByRole = Partial<Record<Role, Series>>;

/**
 * A gap marker at `t`: "no value from here" (e.g. Home Assistant reported the entity
 * unavailable). `v` is NaN so code unaware of markers computes NaN (a chart draws a break)
 * rather than a plausible wrong number.
 */
export function gapMarker(t: number): Sample {
  return { t, v: Number.NaN, gap: true };
}

/** True for a gap marker. */
export function isGap(sample: Sample | undefined): boolean {
  return sample?.gap === true;
}

/** True when the series has at least `min` value samples (gap markers not counted). */
export function hasValues(series: Series | undefined, min = 1): boolean {
  let n = 0;
  for (const s of series ?? []) {
    if (s.gap === true) continue;
    n += 1;
    if (n >= min) return true;
  }
  return false;
}

/** A chart point; `v: null` marks a break in the line (ECharts draws a gap). */
export interface ChartPoint {
  readonly t: number;
  readonly v: number | null;
}
