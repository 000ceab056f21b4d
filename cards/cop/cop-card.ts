import { toCoreSeries } from '../data/core-series.js';
import { copView } from '../data/card-metrics.js';
import { reasonText } from '../i18n/reasons.js';
import { buildCopOption } from '../options/cop-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { copBucketMs } from '../shared/time-range.js';
import { COP_CARD_TAG, copCardConfig } from './cop-card-config.js';
import type { CopCardConfig } from './cop-card-config.js';

/** COP over time (interval COP by the core), the range COP as a mark line, optional outdoor temperature. */
export class HeatpumpCopCard extends HeatpumpChartCard<CopCardConfig> {
  protected readonly cardTag = COP_CARD_TAG;
  protected readonly roles = copCardConfig.roles;
  protected readonly schema = copCardConfig.schema;
  protected readonly titleKey = 'cop' as const;

  static getStubConfig = copCardConfig.stub;
  static getConfigForm = copCardConfig.form;
  static getConfigElement = copCardConfig.editor;

  protected buildChart(view: CardView<CopCardConfig>): ChartResult {
    const cop = this.derived(view, 'cop', () =>
      copView(toCoreSeries(view.samples, { units: view.units }), {
        from: view.from,
        to: view.to,
        bucketMs: copBucketMs(view.range),
      }),
    );
    if (cop.intervalCop.length === 0 && cop.period.status === 'unavailable')
      return { message: reasonText(cop.period, view.texts) };
    const outdoor = view.config.show_outdoor === false ? undefined : this.points(view, 'outdoor_temp');
    return {
      option: buildCopOption(
        {
          intervalCop: cop.intervalCop,
          periodCop: cop.period.status === 'unavailable' ? null : cop.period.value,
          periodEstimated: cop.period.status === 'estimated',
          outdoor,
        },
        this.optionContext(view),
      ),
      note:
        cop.period.status === 'estimated'
          ? `${view.texts.chart.estimated}: ${reasonText(cop.period, view.texts)}`
          : undefined,
    };
  }
}

registerCard({
  tag: COP_CARD_TAG,
  name: 'Heat pump COP',
  description: 'COP over time with the range COP (sum of heat / sum of electricity) and outdoor temperature',
  element: HeatpumpCopCard,
});
