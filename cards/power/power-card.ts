import { buildPowerOption } from '../options/power-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { POWER_CARD_TAG, powerCardConfig } from './power-card-config.js';
import type { PowerCardConfig } from './power-card-config.js';

const TO_WATT: Record<string, number> = { W: 1, kW: 1000, MW: 1e6 };

/** Two stacked plots: electrical vs heat power; aux heater power (or on/off) below. */
export class HeatpumpPowerCard extends HeatpumpChartCard<PowerCardConfig> {
  protected readonly cardTag = POWER_CARD_TAG;
  protected readonly roles = powerCardConfig.roles;
  protected readonly schema = powerCardConfig.schema;
  protected readonly titleKey = 'power' as const;

  static getStubConfig = powerCardConfig.stub;
  static getConfigForm = powerCardConfig.form;
  static getConfigElement = powerCardConfig.editor;

  protected buildChart(view: CardView<PowerCardConfig>): ChartResult {
    const watts = (role: 'electrical_power' | 'heat_power' | 'aux_heater_power') => {
      const factor = TO_WATT[view.units[role] ?? 'W'] ?? 1;
      return this.points(view, role)?.map((p) => ({ t: p.t, v: p.v === null ? null : p.v * factor }));
    };
    const electrical = watts('electrical_power');
    const heat = watts('heat_power');
    const auxPower = watts('aux_heater_power');
    const auxState = this.points(view, 'aux_heater');
    if (!electrical && !heat && !auxPower && !auxState) return { message: view.texts.message.no_data };
    return {
      option: buildPowerOption(
        {
          electrical: electrical ?? [],
          heat,
          aux: auxPower ?? auxState ?? [],
          auxIsState: !auxPower && auxState !== undefined,
        },
        this.optionContext(view),
      ),
    };
  }
}

registerCard({
  tag: POWER_CARD_TAG,
  name: 'Heat pump power',
  description: 'Electrical and heat power, and the aux heater',
  element: HeatpumpPowerCard,
});
