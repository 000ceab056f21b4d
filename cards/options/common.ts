/** Pieces every option builder shares: axes, grids and number formatting. */
import { typedLineData, type TypedLineData } from '../echarts/echarts.js';
import type { Texts } from '../i18n/index.js';

/** A chart point; `v: null` marks a gap (ECharts breaks the line there). Same shape as the core's ChartPoint. */
export interface Point {
  readonly t: number;
  readonly v: number | null;
}

/** What every builder gets besides its data. */
export interface OptionContext {
  texts: Texts;
  /** BCP 47 language for number formatting */
  locale: string;
  /** epoch ms range shown on the time axis */
  from: number;
  to: number;
  /** chart width in px, for legend wrapping (600 when unknown) */
  width?: number;
}

/** Height of one legend row (ECharts' default 14 px item + 8 px gap). */
export const LEGEND_ROW = 22;

/**
 * Rows a plain (wrapping) ECharts legend takes at `width` px: items of about 7 px per character of
 * 12 px text plus the 25 px icon, 5 px icon gap and 10 px item gap. The grid is moved down by them,
 * as ECharts does not lay out a grid around its legend.
 */
export function legendRows(names: readonly string[], width = 600): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const item = 40 + 7 * name.length;
    if (x > 0 && x + item > width - 10) {
      rows++;
      x = 0;
    }
    x += item;
  }
  return rows;
}

/** A line series' `data` as one flat typed array, with the `dimensions` ECharts requires for it. */
export interface XYLine {
  data: TypedLineData;
  dimensions: string[];
}

/**
 * Flat `[t0, v0, t1, v1, …]` values -> the `data` and `dimensions` of a line series (spread into
 * it). ECharts marks typed-array data as primitive: it neither deep-clones it on `setOption`
 * (plain `[t, v]` pairs are cloned, one array per point) nor keeps per-point objects, so a chart
 * holds its data once, 16 bytes a point.
 */
export function flatLine(values: Float64Array): XYLine {
  return { data: typedLineData(values), dimensions: ['time', 'value'] };
}

/** Points -> a line series' `data` and `dimensions` (flatLine), gaps as NaN: the line breaks there. */
export function xyLine(points: readonly Point[]): XYLine {
  const out = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    out[2 * i] = p.t;
    out[2 * i + 1] = p.v ?? Number.NaN;
  }
  return flatLine(out);
}

/** `xyLine` data read back as `[t, v]` pairs, gaps as null (for tests; rollup drops it from the bundle). */
export function xyPairs(data: unknown): Array<[number, number | null]> {
  if (!(data instanceof Float64Array)) throw new TypeError('xyPairs: data is not a Float64Array from xyLine');
  const out: Array<[number, number | null]> = [];
  for (let i = 0; i + 1 < data.length; i += 2) {
    const v = data[i + 1]!;
    out.push([data[i]!, Number.isNaN(v) ? null : v]);
  }
  return out;
}

export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

/** `count` plots stacked vertically, sharing the width; returns ECharts grid boxes in %. */
export function stackedGrids(
  count: number,
): Array<{ left: number; right: number; top: string; height: string }> {
  const top = 10;
  const bottom = 14;
  const gap = 8;
  const height = (100 - top - bottom - gap * (count - 1)) / count;
  return Array.from({ length: count }, (_, i) => ({
    left: 56,
    right: 16,
    top: `${top + i * (height + gap)}%`,
    height: `${height}%`,
  }));
}

/** Time axes for stacked grids: only the lowest shows labels; all share the range. */
export function timeAxes(ctx: OptionContext, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'time' as const,
    gridIndex: i,
    min: ctx.from || undefined,
    max: ctx.to || undefined,
    axisLabel: { show: i === count - 1, hideOverlap: true },
    splitLine: { show: false },
  }));
}

/** Zoom with the wheel/touch on every x axis at once; the range selector covers coarse changes. */
export function insideZoom(axisCount: number) {
  return [
    {
      type: 'inside' as const,
      xAxisIndex: Array.from({ length: axisCount }, (_, i) => i),
      filterMode: 'none' as const,
    },
  ];
}
