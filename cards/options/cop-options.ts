import type { ChartOption } from '../echarts/echarts.js';
import { formatNumber, xyLine, timeAxes } from './common.js';
import type { OptionContext, Point } from './common.js';

export interface CopChartData {
  /** interval COP, one point per bucket at the bucket middle; null where a bucket has no data */
  intervalCop: readonly Point[];
  /** sum heat / sum electricity over the whole range (never the mean of the points); null if unknown */
  periodCop: number | null;
  periodEstimated: boolean;
  /** outdoor temperature, °C, drawn on a second axis when given */
  outdoor?: readonly Point[];
}

/**
 * COP over time as an area line, the range COP as a dashed mark line, optional outdoor temperature.
 * The range COP is its own legend entry, value included, so its text never sits on the data and a
 * tap on it hides the line.
 */
export function buildCopOption(data: CopChartData, ctx: OptionContext): ChartOption {
  const t = ctx.texts;
  const withOutdoor = data.outdoor !== undefined;
  const period = data.periodCop;
  const periodLabel =
    period === null
      ? ''
      : `${t.chart.period_cop} ${formatNumber(period, ctx.locale, 2)}${data.periodEstimated ? ` (${t.chart.estimated})` : ''}`;
  return {
    grid: { left: 40, right: withOutdoor ? 44 : 16, top: 32, bottom: 28 },
    legend: {
      top: 0,
      formatter: (name: string) => (name === t.chart.period_cop ? periodLabel : name),
    },
    tooltip: { trigger: 'axis' },
    xAxis: timeAxes(ctx, 1),
    yAxis: [
      { type: 'value', name: 'COP', min: 0, splitLine: { show: true } },
      ...(withOutdoor
        ? [{ type: 'value' as const, name: '°C', position: 'right' as const, splitLine: { show: false } }]
        : []),
    ],
    series: [
      {
        type: 'line',
        name: t.chart.interval_cop,
        ...xyLine(data.intervalCop),
        showSymbol: false,
        areaStyle: { opacity: 0.3 },
        connectNulls: false,
      },
      ...(period === null
        ? []
        : [
            {
              type: 'line' as const,
              name: t.chart.period_cop,
              data: [],
              lineStyle: { type: 'dashed' as const, width: 2 },
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed' as const, width: 2 },
                label: { show: false },
                data: [{ name: periodLabel, yAxis: period }],
              },
            },
          ]),
      ...(withOutdoor
        ? [
            {
              type: 'line' as const,
              name: t.role.outdoor_temp,
              yAxisIndex: 1,
              ...xyLine(data.outdoor ?? []),
              showSymbol: false,
              lineStyle: { width: 1 },
            },
          ]
        : []),
    ],
  };
}
