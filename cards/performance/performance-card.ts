import { deltaTView } from '../data/card-metrics.js';
import { toCoreSeries } from '../data/core-series.js';
import type { Point } from '../options/common.js';
import { holdPoints } from '../options/lanes.js';
import { buildPerformanceOption } from '../options/performance-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { PERFORMANCE_CARD_TAG, performanceCardConfig } from './performance-card-config.js';
import type { PerformanceCardConfig } from './performance-card-config.js';

/** Two stacked plots sharing the time axis: supply - return (while running) and brine in - out. */
export class HeatpumpPerformanceCard extends HeatpumpChartCard<PerformanceCardConfig> {
  protected readonly cardTag = PERFORMANCE_CARD_TAG;
  protected readonly roles = performanceCardConfig.roles;
  protected readonly schema = performanceCardConfig.schema;
  protected readonly titleKey = 'performance' as const;

  static getStubConfig = performanceCardConfig.stub;
  static getConfigForm = performanceCardConfig.form;
  static getConfigElement = performanceCardConfig.editor;

  protected buildChart(view: CardView<PerformanceCardConfig>): ChartResult {
    const delta = this.derived(view, 'delta-t', () => {
      const raw = deltaTView(toCoreSeries(view.samples, { units: view.units }), {
        from: view.from,
        to: view.to,
      });
      const reduce = (points: Point[]): Point[] => this.reducePoints(view, holdPoints(points, view.to));
      return { supply: reduce(raw.supply), brine: reduce(raw.brine) };
    });
    if (!delta.supply.length && !delta.brine.length) return { message: view.texts.message.no_data };
    return {
      option: buildPerformanceOption(
        { supplyDeltaT: delta.supply, brineDeltaT: delta.brine },
        this.optionContext(view),
      ),
    };
  }
}

registerCard({
  tag: PERFORMANCE_CARD_TAG,
  name: 'Heat pump temperature differences',
  description: 'Supply - return delta T while running and brine in - out delta T, stacked on one time axis',
  element: HeatpumpPerformanceCard,
});
