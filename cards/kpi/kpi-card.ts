import { css, html } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { kpiFigures } from '../data/card-metrics.js';
import { toCoreSeries } from '../data/core-series.js';
import { buildKpiTiles } from '../options/kpi-tiles.js';
import type { KpiTile } from '../options/kpi-tiles.js';
import { HeatpumpCardBase } from '../shared/base-card.js';
import type { CardView } from '../shared/base-card.js';
import { cardStyles } from '../shared/card-styles.js';
import { registerCard } from '../shared/card-registry.js';
import { RANGE_MS } from '../shared/time-range.js';
import { KPI_CARD_TAG, kpiCardConfig } from './kpi-card-config.js';
import type { KpiCardConfig } from './kpi-card-config.js';

const DAY = 24 * 3_600_000;

/** Tiles: COP now / today / range, runtime today, energy in / out, alarm; a tap opens more-info. */
export class HeatpumpKpiCard extends HeatpumpCardBase<KpiCardConfig> {
  static override styles: CSSResultGroup = [
    cardStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(110px, 1fr));
        gap: 8px;
        padding-top: 8px;
      }
      .tile {
        text-align: left;
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        border-radius: 10px;
        padding: 8px 10px;
        background: none;
        color: inherit;
        font: inherit;
        cursor: pointer;
      }
      .tile .label {
        font-size: 0.8em;
        color: var(--secondary-text-color, #727272);
      }
      .tile .value {
        font-size: 1.35em;
        font-weight: 500;
      }
      .tile.estimated .value {
        font-style: italic;
      }
      .tile.unavailable .value {
        color: var(--disabled-text-color, #bdbdbd);
      }
      .tile.alert {
        border-color: var(--error-color, #db4437);
        color: var(--error-color, #db4437);
      }
    `,
  ];

  protected readonly cardTag = KPI_CARD_TAG;
  protected readonly roles = kpiCardConfig.roles;
  protected readonly schema = kpiCardConfig.schema;
  protected readonly titleKey = 'kpi' as const;
  // Tiles show the current states themselves (COP now, alarm), not only the loaded history.
  protected override readonly renderOnEveryState = true;

  static getStubConfig = kpiCardConfig.stub;
  static getConfigForm = kpiCardConfig.form;
  static getConfigElement = kpiCardConfig.editor;

  override getCardSize(): number {
    return 3;
  }

  override getGridOptions() {
    return { columns: 12, rows: 3, min_columns: 4, min_rows: 2 };
  }

  /** "Today" tiles need data from local midnight even when the range is shorter. */
  protected override loadFrom(now: number): number {
    return now - DAY;
  }

  /** The tiles currently shown, for tests and the standalone dashboard. */
  tiles(): KpiTile[] {
    const view = this.view();
    return view ? this.buildTiles(view) : [];
  }

  private buildTiles(view: CardView<KpiCardConfig>): KpiTile[] {
    const source = this.source;
    const live = (role: 'cop_now' | 'cop_today' | 'alarm') => {
      const id = view.entities[role];
      return id ? source?.current(id) : undefined;
    };
    const figures = kpiFigures(toCoreSeries(view.samples, { units: view.units }), {
      now: view.to,
      from: view.to - RANGE_MS[view.range],
      to: view.to,
      timeZone: this.hass?.config?.time_zone,
      copNowEntity: live('cop_now'),
      copTodayEntity: live('cop_today'),
      alarmEntity: live('alarm'),
    });
    const e = view.entities;
    return buildKpiTiles({
      figures,
      texts: view.texts,
      locale: view.locale,
      entities: {
        cop_now: e.cop_now,
        cop_today: e.cop_today,
        cop_range: e.heat_energy,
        runtime_today: e.compressor,
        energy_in: e.electrical_energy,
        energy_out: e.heat_energy,
        alarm: e.alarm,
      },
    });
  }

  protected renderBody(view: CardView<KpiCardConfig>): TemplateResult {
    return html`<div class="tiles">
      ${this.buildTiles(view).map(
        (tile) =>
          html`<button
            type="button"
            class="tile ${tile.status} ${tile.alert ? 'alert' : ''}"
            data-key=${tile.key}
            title=${tile.note ?? ''}
            @click=${() => this.openMoreInfo(tile.entityId)}
          >
            <div class="label">${tile.label}</div>
            <div class="value">${tile.value}</div>
          </button>`,
      )}
    </div>`;
  }

  /** HA's more-info dialog listens for this event on any element of the page. */
  private openMoreInfo(entityId: string | undefined): void {
    if (!entityId) return;
    this.dispatchEvent(
      new CustomEvent('hass-more-info', { detail: { entityId }, bubbles: true, composed: true }),
    );
  }
}

registerCard({
  tag: KPI_CARD_TAG,
  name: 'Heat pump key figures',
  description: 'COP now / today / range, runtime today, energy in and out, alarm; tap a tile for details',
  element: HeatpumpKpiCard,
});
