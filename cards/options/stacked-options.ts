import type { ChartOption } from '../echarts/echarts.js';
import { insideZoom, xyLine, stackedGrids, timeAxes } from './common.js';
import type { OptionContext, Point } from './common.js';

export interface StackedPlot {
  /** axis name, e.g. "K" or "W" */
  unit: string;
  series: ReadonlyArray<{
    name: string;
    points: readonly Point[];
    step?: boolean;
    area?: boolean;
    /** dashed line: an estimate, not a measurement */
    dashed?: boolean;
  }>;
  /** fixed axis bounds and category labels for step lanes (0 -> "Off", 1 -> "On") */
  min?: number;
  max?: number;
  labels?: Record<number, string>;
}

/** Plots stacked vertically sharing one time axis (linked pointer and zoom). */
export function buildStackedOption(plots: readonly StackedPlot[], ctx: OptionContext): ChartOption {
  const grids = stackedGrids(plots.length);
  return {
    grid: grids,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: timeAxes(ctx, plots.length),
    yAxis: plots.map((plot, i) => ({
      type: 'value' as const,
      gridIndex: i,
      // Units beside the axis, not above it: above, they collide with the plot stacked over it.
      name: plot.unit,
      nameLocation: 'middle' as const,
      nameGap: 40,
      min: plot.min,
      max: plot.max,
      interval: plot.labels ? 1 : undefined,
      axisLabel: plot.labels
        ? { formatter: (value: number) => plot.labels?.[value] ?? '' }
        : { hideOverlap: true },
    })),
    dataZoom: insideZoom(plots.length),
    series: plots.flatMap((plot, i) =>
      plot.series.map((s) => ({
        type: 'line' as const,
        name: s.name,
        xAxisIndex: i,
        yAxisIndex: i,
        ...xyLine(s.points),
        showSymbol: false,
        connectNulls: false,
        step: s.step ? ('end' as const) : undefined,
        areaStyle: s.area ? { opacity: 0.25 } : undefined,
        lineStyle: s.dashed ? { width: 1.5, type: 'dashed' as const } : { width: 1.5 },
      })),
    ),
  };
}
