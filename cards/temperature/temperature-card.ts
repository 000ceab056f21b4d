import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { buildTemperatureOption } from '../options/temperature-options.js';
import { onIntervals } from '../options/lanes.js';
import type { CardView } from '../shared/base-card.js';
import { registerCard } from '../shared/card-registry.js';
import { HeatpumpChartCard } from '../shared/chart-card.js';
import type { ChartResult } from '../shared/chart-card.js';
import { cardStyles } from '../shared/card-styles.js';
import {
  LANE_ROLES,
  TEMPERATURE_CARD_TAG,
  TEMPERATURE_ROLES,
  temperatureCardConfig,
} from './temperature-card-config.js';
import type { TemperatureCardConfig } from './temperature-card-config.js';

const LANE_COLORS: Record<(typeof LANE_ROLES)[number], string> = {
  compressor: '#2e7d32',
  hot_water_mode: '#c62828',
  aux_heater: '#ef6c00',
};

/** Up to 7 temperatures with legend toggles, state lanes as shaded areas, zoom. */
export class HeatpumpTemperatureCard extends HeatpumpChartCard<TemperatureCardConfig> {
  // Taller than the other charts: a wrapped legend and the zoom slider share its height.
  static override styles: CSSResultGroup = [
    cardStyles,
    css`
      :host {
        --hp-chart-height: 300px;
      }
    `,
  ];

  protected readonly cardTag = TEMPERATURE_CARD_TAG;
  protected readonly roles = temperatureCardConfig.roles;
  protected readonly schema = temperatureCardConfig.schema;
  protected readonly titleKey = 'temperature' as const;

  static getStubConfig = temperatureCardConfig.stub;
  static getConfigForm = temperatureCardConfig.form;
  static getConfigElement = temperatureCardConfig.editor;

  override getGridOptions() {
    return { columns: 12, rows: 6, min_columns: 6, min_rows: 4 };
  }

  protected buildChart(view: CardView<TemperatureCardConfig>): ChartResult {
    const hidden = new Set(view.config.hidden ?? []);
    const series = TEMPERATURE_ROLES.flatMap((role) => {
      const points = this.points(view, role);
      return points ? [{ name: view.texts.role[role], points, hidden: hidden.has(role) }] : [];
    });
    const lanes =
      view.config.show_lanes === false
        ? []
        : LANE_ROLES.flatMap((role) => {
            const points = this.points(view, role);
            return points
              ? [
                  {
                    name: view.texts.role[role],
                    color: LANE_COLORS[role],
                    intervals: onIntervals(points, view.to),
                  },
                ]
              : [];
          });
    if (series.length === 0 && lanes.length === 0) return { message: view.texts.message.no_data };
    return { option: buildTemperatureOption({ series, lanes }, this.optionContext(view)) };
  }
}

registerCard({
  tag: TEMPERATURE_CARD_TAG,
  name: 'Heat pump temperatures',
  description:
    'Outdoor, indoor, supply, return, hot water and brine temperatures with compressor, hot water and aux heater lanes',
  element: HeatpumpTemperatureCard,
});
