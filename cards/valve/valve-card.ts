import { buildValveOption } from '../options/valve-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { VALVE_CARD_TAG, valveCardConfig } from './valve-card-config.js';
import type { ValveCardConfig } from './valve-card-config.js';

/** Three stacked step lanes: valve position (heating / hot water), compressor, aux heater. */
export class HeatpumpValveCard extends HeatpumpChartCard<ValveCardConfig> {
  protected readonly cardTag = VALVE_CARD_TAG;
  protected readonly roles = valveCardConfig.roles;
  protected readonly schema = valveCardConfig.schema;
  protected readonly titleKey = 'valve' as const;

  static getStubConfig = valveCardConfig.stub;
  static getConfigForm = valveCardConfig.form;
  static getConfigElement = valveCardConfig.editor;

  protected buildChart(view: CardView<ValveCardConfig>): ChartResult {
    const valve = this.points(view, 'hot_water_mode') ?? [];
    const compressor = this.points(view, 'compressor') ?? [];
    const aux = this.points(view, 'aux_heater') ?? [];
    if (!valve.length && !compressor.length && !aux.length) return { message: view.texts.message.no_data };
    return { option: buildValveOption({ valve, compressor, aux }, this.optionContext(view)) };
  }
}

registerCard({
  tag: VALVE_CARD_TAG,
  name: 'Heat pump valve and compressor',
  description: 'Step lanes of the switch valve (heating / hot water), compressor and aux heater',
  element: HeatpumpValveCard,
});
