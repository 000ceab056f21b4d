import type { ChartOption } from '../echarts/echarts.js';
import type { OptionContext, Point } from './common.js';
import { buildStackedOption } from './stacked-options.js';

export interface PerformanceChartData {
  /** supply - return while the compressor runs, K; null outside running time */
  supplyDeltaT: readonly Point[];
  /** brine in - brine out, K */
  brineDeltaT: readonly Point[];
}

/** Two stacked plots sharing the time axis: supply-return delta T and brine delta T. */
export function buildPerformanceOption(data: PerformanceChartData, ctx: OptionContext): ChartOption {
  const c = ctx.texts.chart;
  return buildStackedOption(
    [
      { unit: 'K', series: [{ name: c.delta_t_supply, points: data.supplyDeltaT }] },
      { unit: 'K', series: [{ name: c.delta_t_brine, points: data.brineDeltaT }] },
    ],
    ctx,
  );
}
