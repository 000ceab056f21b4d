import type { ChartOption } from '../echarts/echarts.js';
import { LEGEND_ROW, insideZoom, legendRows, xyLine, timeAxes } from './common.js';
import type { OptionContext, Point } from './common.js';
import { laneSteps } from './lanes.js';
import type { Interval } from './lanes.js';

export interface TemperatureChartData {
  /** up to 7 temperature series, °C */
  series: ReadonlyArray<{ name: string; points: readonly Point[]; hidden?: boolean }>;
  /** state lanes drawn as shaded areas behind the lines */
  lanes: ReadonlyArray<{ name: string; intervals: readonly Interval[]; color: string }>;
}

/** Height of one state lane in px; the lanes form a strip under the temperatures. */
const LANE_PX = 9;

/**
 * Temperature lines with legend toggles; under them the state lanes, one row each on the same time
 * axis, each a step line filled from its row's floor (one path per lane, toggled by the legend;
 * full-height shading of three overlapping lanes muddies the lines); zoom with the wheel and a
 * slider without a data shadow (the shadow is a second full copy of a series drawn in the slider).
 */
export function buildTemperatureOption(data: TemperatureChartData, ctx: OptionContext): ChartOption {
  const selected = Object.fromEntries(data.series.map((s) => [s.name, !s.hidden]));
  const names = [...data.series.map((s) => s.name), ...data.lanes.map((l) => l.name)];
  const lanes = data.lanes.length;
  const strip = lanes * LANE_PX;
  const axes = lanes ? 2 : 1;
  return {
    grid: [
      { left: 40, right: 16, top: 26 + LEGEND_ROW * legendRows(names, ctx.width), bottom: 56 + strip + 4 },
      ...(lanes ? [{ left: 40, right: 16, height: strip, bottom: 56 }] : []),
    ],
    legend: { top: 0, selected },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)} °C` : '–') },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: timeAxes(ctx, axes),
    yAxis: [
      { type: 'value', name: '°C', scale: true },
      ...(lanes ? [{ type: 'value' as const, gridIndex: 1, min: 0, max: lanes, show: false }] : []),
    ],
    dataZoom: [
      ...insideZoom(axes),
      {
        type: 'slider',
        xAxisIndex: Array.from({ length: axes }, (_, i) => i),
        height: 18,
        bottom: 4,
        filterMode: 'none',
        showDataShadow: false,
      },
    ],
    series: [
      ...data.series.map((s) => ({
        type: 'line' as const,
        name: s.name,
        ...xyLine(s.points),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1.5 },
      })),
      ...data.lanes.map((lane, i) => {
        // Top lane first, as the legend lists them; a 1 px gap between rows.
        const base = lanes - i - 1 + 1 / LANE_PX;
        return {
          type: 'line' as const,
          name: lane.name,
          xAxisIndex: 1,
          yAxisIndex: 1,
          ...laneSteps(lane.intervals, { base, top: lanes - i }),
          step: 'end' as const,
          showSymbol: false,
          silent: true,
          // 0/1 levels are not temperatures: kept out of the axis tooltip.
          tooltip: { show: false },
          itemStyle: { color: lane.color },
          lineStyle: { width: 0 },
          areaStyle: { color: lane.color, opacity: 0.7, origin: base },
        };
      }),
    ],
  };
}
