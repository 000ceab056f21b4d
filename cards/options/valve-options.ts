import type { ChartOption } from '../echarts/echarts.js';
import type { OptionContext, Point } from './common.js';
import { buildStackedOption } from './stacked-options.js';

export interface ValveChartData {
  /** 0 space heating, 1 hot water */
  valve: readonly Point[];
  /** 0 off, 1 on */
  compressor: readonly Point[];
  /** 0 off, 1 on */
  aux: readonly Point[];
}

/** Three stacked step lanes: valve position, compressor, aux heater. */
export function buildValveOption(data: ValveChartData, ctx: OptionContext): ChartOption {
  const c = ctx.texts.chart;
  const r = ctx.texts.role;
  const onOff = { 0: c.off, 1: c.on };
  return buildStackedOption(
    [
      {
        unit: '',
        min: 0,
        max: 1,
        labels: { 0: c.valve_heating, 1: c.valve_hot_water },
        series: [{ name: c.valve, points: data.valve, step: true, area: true }],
      },
      {
        unit: '',
        min: 0,
        max: 1,
        labels: onOff,
        series: [{ name: r.compressor, points: data.compressor, step: true, area: true }],
      },
      {
        unit: '',
        min: 0,
        max: 1,
        labels: onOff,
        series: [{ name: r.aux_heater, points: data.aux, step: true, area: true }],
      },
    ],
    ctx,
  );
}
