/**
 * The only module that imports ECharts. Registering exactly the pieces the cards draw keeps the
 * bundle to the tree-shaken set measured in docs/PERFORMANCE.md. Bar charts, titles and mark areas
 * are not registered: no card draws them (card titles are HTML in the card header).
 */
import { LineChart, PieChart, SankeyChart } from 'echarts/charts';
import type { LineSeriesOption, PieSeriesOption, SankeySeriesOption } from 'echarts/charts';
import {
  AxisPointerComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { getInstanceById, init, registerTheme, use } from 'echarts/core';
import type { ComposeOption, ECharts, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  PieChart,
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  AxisPointerComponent,
  CanvasRenderer,
]);

/** Every chart option a card may build; option builders return this type. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | PieSeriesOption
  | SankeySeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>;

/**
 * Line data as a flat typed array `[x0, y0, x1, y1, …]` (with `dimensions`). ECharts reads typed
 * arrays at run time (its data provider has a typed-array source format) but its option types list
 * only arrays of points, so this is the one place that says so.
 */
export type TypedLineData = NonNullable<LineSeriesOption['data']>;
export function typedLineData(values: Float64Array): TypedLineData {
  return values as unknown as TypedLineData;
}

export type { ECharts, EChartsCoreOption };
export { init as initChart, registerTheme };
/** ECharts' registry of live instances, for the tests that check disposal (unused, so not bundled). */
export { getInstanceById };
