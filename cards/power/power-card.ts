import { heatPowerView } from '../data/card-metrics.js';
import { toCoreSeries } from '../data/core-series.js';
import { isUnavailable } from '../data/parse-state.js';
import { fill } from '../i18n/index.js';
import { reasonText } from '../i18n/reasons.js';
import { buildPowerOption } from '../options/power-options.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import type { CardRole } from '../shared/default-entities.js';
import { HEAT_ESTIMATE_ROLES, POWER_CARD_TAG, powerCardConfig } from './power-card-config.js';
import type { PowerCardConfig } from './power-card-config.js';

/** Entity unit -> kW, the unit heat pumps are rated in (axis labels stay short). */
const TO_KW: Record<string, number> = { W: 0.001, kW: 1, MW: 1000 };

/**
 * Two stacked plots: electrical vs heat power; aux heater power (or on/off) below. Without a heat
 * meter, heat power is the core's flow-factor estimate from supply, return and compressor, marked so.
 */
export class HeatpumpPowerCard extends HeatpumpChartCard<PowerCardConfig> {
  protected readonly cardTag = POWER_CARD_TAG;
  protected readonly roles = powerCardConfig.roles;
  protected readonly schema = powerCardConfig.schema;
  protected readonly titleKey = 'power' as const;

  static getStubConfig = powerCardConfig.stub;
  static getConfigForm = powerCardConfig.form;
  static getConfigElement = powerCardConfig.editor;

  /**
   * The estimate's roles are loaded (and reported when missing) only while heat power has no usable
   * entity. A default heat-power entity that does not exist is dropped, not reported: many pumps
   * have no heat meter. One named in the config is reported, as a typo would be.
   */
  override get entities(): Partial<Record<CardRole, string>> {
    const all = super.entities;
    const heat = all.heat_power ? this.stateOf(all.heat_power) : undefined;
    if (!isUnavailable(heat)) for (const role of HEAT_ESTIMATE_ROLES) delete all[role];
    else if (heat === undefined && !this.config?.entities?.heat_power) delete all.heat_power;
    return all;
  }

  protected buildChart(view: CardView<PowerCardConfig>): ChartResult {
    const kw = (role: 'electrical_power' | 'heat_power' | 'aux_heater_power') => {
      const factor = TO_KW[view.units[role] ?? 'W'] ?? 0.001;
      return this.points(view, role)?.map((p) => ({ t: p.t, v: p.v === null ? null : p.v * factor }));
    };
    const electrical = kw('electrical_power');
    const measuredHeat = kw('heat_power');
    const auxPower = kw('aux_heater_power');
    const auxState = this.points(view, 'aux_heater');
    let heat = measuredHeat?.some((p) => p.v !== null) ? measuredHeat : undefined;
    let note: string | undefined;
    if (!heat) {
      const estimate = this.derived(view, 'heat-estimate', () => {
        const core = heatPowerView(toCoreSeries(view.samples, { units: view.units }), {
          from: view.from,
          to: view.to,
        });
        if ('reason' in core) return core;
        const kw = core.points.map((p) => ({ t: p.t, v: p.v === null ? null : p.v / 1000 }));
        return { ...core, points: this.reducePoints(view, kw) };
      });
      if ('reason' in estimate)
        note = fill(view.texts.message.heat_power_unknown, { reason: reasonText(estimate, view.texts) });
      else {
        heat = estimate.points;
        if (estimate.estimate)
          note = `${view.texts.chart.estimated}: ${reasonText(estimate.estimate, view.texts)}`;
      }
    }
    if (!electrical && !heat && !auxPower && !auxState) return { message: view.texts.message.no_data };
    return {
      option: buildPowerOption(
        {
          electrical: electrical ?? [],
          heat,
          heatEstimated: heat !== undefined && heat !== measuredHeat,
          aux: auxPower ?? auxState ?? [],
          auxIsState: !auxPower && auxState !== undefined,
        },
        this.optionContext(view),
      ),
      note,
    };
  }
}

registerCard({
  tag: POWER_CARD_TAG,
  name: 'Heat pump power',
  description: 'Electrical and heat power (estimated from the flow factor without a heat meter), aux heater',
  element: HeatpumpPowerCard,
});
