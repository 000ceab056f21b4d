import { flatLine, type Point, type XYLine } from './common.js';

/** [start, end] epoch ms while a state was on. */
export type Interval = readonly [number, number];

/**
 * On-intervals of an on/off signal with hold-last-value semantics: a sample holds until the next one;
 * the last holds until `to`. Gaps (null) end an interval.
 */
export function onIntervals(points: readonly Point[], to: number): Interval[] {
  const out: Interval[] = [];
  let start: number | undefined;
  for (const p of points) {
    const on = p.v !== null && p.v > 0;
    if (on && start === undefined) start = p.t;
    if (!on && start !== undefined) {
      out.push([start, p.t]);
      start = undefined;
    }
  }
  if (start !== undefined) out.push([start, Math.max(start, to)]);
  return out;
}

/**
 * On-intervals -> the points of one lane drawn as a single step line filled down to `base`: each
 * interval rises to `top` at its start and falls back to `base` at its end, and `step: 'end'` holds
 * each value until the next point. One path per lane instead of one graphic element per interval
 * (ECharts markArea), which kept a style and state record for every interval.
 */
export function laneSteps(intervals: readonly Interval[], levels: { base: number; top: number }): XYLine {
  // Flat [t, level, …], four numbers per interval.
  const out = new Float64Array(intervals.length * 4);
  intervals.forEach(([start, end], i) => out.set([start, levels.top, end, levels.base], i * 4));
  return flatLine(out);
}

/**
 * Change points (a value holds until the next point, as the core's deltaTSeries returns them) ->
 * points a line chart draws as horizontal holds: each value is repeated at the next change, so a
 * value followed by a gap is still visible as a segment instead of a lone invisible point.
 */
export function holdPoints(points: readonly Point[], to: number): Point[] {
  const out: Point[] = [];
  points.forEach((p, i) => {
    out.push(p);
    if (p.v === null) return;
    const end = points[i + 1]?.t ?? Math.max(p.t, to);
    if (end > p.t) out.push({ t: end, v: p.v });
  });
  return out;
}
