import type { ChartOption } from '../echarts/echarts.js';
import { formatNumber } from './common.js';
import type { OptionContext } from './common.js';

/** Hours spent in each state over the range; they add up to the covered time. */
export interface RuntimeChartData {
  heating: number;
  hotWater: number;
  auxHeater: number;
  idle: number;
}

export interface RuntimeSlice {
  key: keyof RuntimeChartData;
  name: string;
  value: number;
}

export function runtimeSlices(data: RuntimeChartData, ctx: Pick<OptionContext, 'texts'>): RuntimeSlice[] {
  const c = ctx.texts.chart;
  return [
    { key: 'heating', name: c.heating, value: data.heating },
    { key: 'hotWater', name: c.hot_water, value: data.hotWater },
    { key: 'auxHeater', name: c.aux_heater, value: data.auxHeater },
    { key: 'idle', name: c.idle, value: data.idle },
  ];
}

/** Tooltip text of a slice: hours and share, e.g. "Idle: 12.5 h (52.1 %)". */
export function runtimeTooltip(
  slice: { name: string; value: number; percent: number },
  ctx: Pick<OptionContext, 'texts' | 'locale'>,
): string {
  return `${slice.name}: ${formatNumber(slice.value, ctx.locale, 1)} ${ctx.texts.chart.hours} (${formatNumber(slice.percent, ctx.locale, 1)} %)`;
}

/** Idle is no activity: a neutral grey that reads on light and dark cards, not a palette colour. */
const IDLE_COLOR = 'rgba(150, 150, 150, 0.45)';

/** Donut of compressor heating / compressor hot water / aux heater / idle; hours in legend and tooltip. */
export function buildRuntimeOption(data: RuntimeChartData, ctx: OptionContext): ChartOption {
  const slices = runtimeSlices(data, ctx);
  const hours = new Map(slices.map((s) => [s.name, s.value]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { name: string; value: number; percent: number };
        return runtimeTooltip(p, ctx);
      },
    },
    // Under the donut, every state with its hours. Beside it, the legend ran over the donut in a
    // card a third of a dashboard wide (HA's masonry columns); below, it wraps instead.
    legend: {
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemGap: 12,
      formatter: (name: string) =>
        `${name}  ${formatNumber(hours.get(name) ?? 0, ctx.locale, 1)} ${ctx.texts.chart.hours}`,
    },
    series: [
      {
        type: 'pie',
        name: ctx.texts.card.runtime,
        radius: ['30%', '50%'],
        center: ['50%', '36%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: slices.map((s) => ({
          name: s.name,
          value: Math.round(s.value * 1000) / 1000,
          ...(s.key === 'idle' ? { itemStyle: { color: IDLE_COLOR } } : {}),
        })),
      },
    ],
  };
}
