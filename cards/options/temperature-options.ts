import type { ChartOption } from '../echarts/echarts.js';
import { insideZoom, pairs, timeAxes } from './common.js';
import type { OptionContext, Point } from './common.js';
import type { Interval } from './lanes.js';

export interface TemperatureChartData {
  /** up to 7 temperature series, °C */
  series: ReadonlyArray<{ name: string; points: readonly Point[]; hidden?: boolean }>;
  /** state lanes drawn as shaded areas behind the lines */
  lanes: ReadonlyArray<{ name: string; intervals: readonly Interval[]; color: string }>;
}

/**
 * Temperature lines with legend toggles, state lanes as shaded mark areas (each lane is an empty line
 * series so the legend toggles it too), zoom with the wheel and a slider.
 */
export function buildTemperatureOption(data: TemperatureChartData, ctx: OptionContext): ChartOption {
  const selected = Object.fromEntries(data.series.map((s) => [s.name, !s.hidden]));
  return {
    grid: { left: 40, right: 16, top: 48, bottom: 56 },
    legend: { top: 0, type: 'scroll', selected },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)} °C` : '–') },
    xAxis: timeAxes(ctx, 1),
    yAxis: { type: 'value', name: '°C', scale: true },
    dataZoom: [
      ...insideZoom(1),
      { type: 'slider', xAxisIndex: 0, height: 18, bottom: 4, filterMode: 'none' },
    ],
    series: [
      ...data.series.map((s) => ({
        type: 'line' as const,
        name: s.name,
        data: pairs(s.points),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1.5 },
      })),
      ...data.lanes.map((lane) => ({
        type: 'line' as const,
        name: lane.name,
        data: [],
        itemStyle: { color: lane.color },
        markArea: {
          silent: true,
          itemStyle: { color: lane.color, opacity: 0.12 },
          data: lane.intervals.map(
            ([start, end]) => [{ xAxis: start }, { xAxis: end }] as [{ xAxis: number }, { xAxis: number }],
          ),
        },
      })),
    ],
  };
}
