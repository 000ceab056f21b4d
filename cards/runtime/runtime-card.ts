import { runtimeView } from '../data/card-metrics.js';
import { toCoreSeries } from '../data/core-series.js';
import { reasonText } from '../i18n/reasons.js';
import { buildRuntimeOption } from '../options/runtime-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { RUNTIME_CARD_TAG, runtimeCardConfig } from './runtime-card-config.js';
import type { RuntimeCardConfig } from './runtime-card-config.js';

/** Donut of time shares (core runtime metric): compressor heating / hot water, aux heater, idle. */
export class HeatpumpRuntimeCard extends HeatpumpChartCard<RuntimeCardConfig> {
  protected readonly cardTag = RUNTIME_CARD_TAG;
  protected readonly roles = runtimeCardConfig.roles;
  protected readonly schema = runtimeCardConfig.schema;
  protected readonly titleKey = 'runtime' as const;

  static getStubConfig = runtimeCardConfig.stub;
  static getConfigForm = runtimeCardConfig.form;
  static getConfigElement = runtimeCardConfig.editor;

  override getGridOptions() {
    return { columns: 6, rows: 5, min_columns: 4, min_rows: 4 };
  }

  protected buildChart(view: CardView<RuntimeCardConfig>): ChartResult {
    // On/off aux heater counts as running for time shares; its energy is never used here.
    const runtime = this.derived(view, 'runtime', () =>
      runtimeView(toCoreSeries(view.samples, { units: view.units, auxFromState: true }), {
        from: view.from,
        to: view.to,
      }),
    );
    if ('reason' in runtime) return { message: reasonText(runtime, view.texts) };
    return { option: buildRuntimeOption(runtime, this.optionContext(view)) };
  }
}

registerCard({
  tag: RUNTIME_CARD_TAG,
  name: 'Heat pump runtime',
  description: 'Time shares of compressor (heating / hot water), aux heater and idle, hours in the tooltip',
  element: HeatpumpRuntimeCard,
});
