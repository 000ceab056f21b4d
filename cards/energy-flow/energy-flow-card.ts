import { energyFlowView } from '../data/card-metrics.js';
import { toCoreSeries } from '../data/core-series.js';
import { reasonText } from '../i18n/reasons.js';
import { buildEnergyFlowOption } from '../options/energy-flow-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { ENERGY_FLOW_CARD_TAG, energyFlowCardConfig } from './energy-flow-card-config.js';
import type { EnergyFlowCardConfig } from './energy-flow-card-config.js';

/** Sankey of the core's balanced energy flow over the selected range. */
export class HeatpumpEnergyFlowCard extends HeatpumpChartCard<EnergyFlowCardConfig> {
  protected readonly cardTag = ENERGY_FLOW_CARD_TAG;
  protected readonly roles = energyFlowCardConfig.roles;
  protected readonly schema = energyFlowCardConfig.schema;
  protected readonly titleKey = 'energy_flow' as const;

  static getStubConfig = energyFlowCardConfig.stub;
  static getConfigForm = energyFlowCardConfig.form;
  static getConfigElement = energyFlowCardConfig.editor;

  protected buildChart(view: CardView<EnergyFlowCardConfig>): ChartResult {
    const flow = this.derived(view, 'flow', () =>
      energyFlowView(toCoreSeries(view.samples, { units: view.units }), { from: view.from, to: view.to }),
    );
    if ('reason' in flow) return { message: reasonText(flow, view.texts) };
    return {
      option: buildEnergyFlowOption(flow, this.optionContext(view)),
      note: flow.note ? `${view.texts.chart.estimated}: ${reasonText(flow.note, view.texts)}` : undefined,
    };
  }
}

registerCard({
  tag: ENERGY_FLOW_CARD_TAG,
  name: 'Heat pump energy flow',
  description:
    'Sankey: electricity and ambient heat through compressor and aux heater to space heating and hot water',
  element: HeatpumpEnergyFlowCard,
});
