import type { ChartOption } from '../echarts/echarts.js';
import type { OptionContext, Point } from './common.js';
import { buildStackedOption } from './stacked-options.js';

export interface PowerChartData {
  /** kW */
  electrical: readonly Point[];
  /** kW; absent when neither a heat meter nor an estimate exists */
  heat?: readonly Point[];
  /** heat is the core's flow-factor estimate, not a meter reading: named so and dashed */
  heatEstimated?: boolean;
  /** kW (aux heater power), or on/off as 0/1 when only a binary signal exists */
  aux: readonly Point[];
  auxIsState: boolean;
}

/** Two stacked plots: electrical vs heat power; aux heater below. */
export function buildPowerOption(data: PowerChartData, ctx: OptionContext): ChartOption {
  const r = ctx.texts.role;
  const c = ctx.texts.chart;
  return buildStackedOption(
    [
      {
        unit: 'kW',
        series: [
          { name: r.electrical_power, points: data.electrical, area: true },
          ...(data.heat
            ? [
                {
                  name: data.heatEstimated ? c.heat_power_estimated : r.heat_power,
                  points: data.heat,
                  dashed: data.heatEstimated,
                },
              ]
            : []),
        ],
      },
      data.auxIsState
        ? {
            unit: '',
            min: 0,
            max: 1,
            labels: { 0: c.off, 1: c.on },
            series: [{ name: r.aux_heater, points: data.aux, step: true, area: true }],
          }
        : { unit: 'kW', series: [{ name: r.aux_heater_power, points: data.aux, step: true, area: true }] },
    ],
    ctx,
  );
}
