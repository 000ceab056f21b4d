import { LitElement, html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import type { Schema } from './schema.js';
import type { CardDataSource } from '../data/data-source.js';
import { HaDataSource } from '../data/ha-data-source.js';
import type { HassLike } from '../data/hass-types.js';
import { appendLive, loadRoleSamples } from '../data/load-series.js';
import { slideWindow, trimRoles } from '../data/live-window.js';
import type { TimeWindow } from '../data/live-window.js';
import type { RoleSamples } from '../data/load-series.js';
import { localeFor, textsFor } from '../i18n/index.js';
import type { Texts } from '../i18n/index.js';
import { cardHeader, cardMessages, errorText } from './card-chrome.js';
import { cardStyles } from './card-styles.js';
import { parseConfig, registerCardRoles } from './config-schema.js';
import type { BaseCardConfig } from './config-schema.js';
import { resolveEntities } from './default-entities.js';
import type { CardRole } from './default-entities.js';
import { entityStatus, hassShape, hassTouchesCard, languageOf } from './entity-status.js';
import { FrameCoalescer } from './frame-coalescer.js';
import type { EntityStatus } from './entity-status.js';
import { RANGE_EVENT, announceRange } from './time-range.js';
import type { RangeEventDetail, RangeKey } from './time-range.js';

/** Everything a card body needs to draw, gathered once per render. */
export interface CardView<C> {
  config: C;
  texts: Texts;
  locale: string;
  range: RangeKey;
  entities: Partial<Record<CardRole, string>>;
  status: EntityStatus;
  samples: RoleSamples;
  from: number;
  to: number;
  darkMode: boolean;
  /** pixel width the chart has, for down-sampling */
  width: number;
  /** unit_of_measurement of each role's entity, when known */
  units: Partial<Record<CardRole, string>>;
}

const lastRangeByGroup = new Map<string, RangeKey>();

/**
 * What every heat-pump card shares: config validation, role -> entity resolution, the range header
 * and its cross-card sync, loading through a CardDataSource, live appends, and readable messages.
 */
export abstract class HeatpumpCardBase<C extends BaseCardConfig> extends LitElement {
  static override styles: CSSResultGroup = cardStyles;
  // Declared without decorators: the decorator helpers cost more bundle bytes than this table.
  static override properties = {
    hass: { attribute: false },
    dataSource: { attribute: false },
    config: { state: true },
    range: { state: true },
    loadError: { state: true },
    loading: { state: true },
    dataVersion: { state: true },
  };

  declare hass?: HassLike;
  /** Set by the standalone dashboard; inside HA the card builds an HaDataSource from `hass`. */
  declare dataSource?: CardDataSource;
  declare protected config?: C;
  protected range: RangeKey = '24h';
  declare protected loadError?: string;
  protected loading = false;
  protected dataVersion = 0;
  /** Number of renders, so tests can check that unrelated `hass` updates are ignored. */
  renderCount = 0;

  protected samples: RoleSamples = {};
  protected window: TimeWindow = { from: 0, to: 0 };
  /**
   * Bumped whenever `samples` is replaced by a load (not by live appends), so derived data cached
   * per load (see chart-card's core memo) knows when it is stale.
   */
  protected dataGeneration = 0;
  /** Newest live sample time not yet applied to the window, epoch ms. */
  private liveNewest = 0;
  private readonly liveFrame = new FrameCoalescer(() => this.applyLive());
  private haSource?: HaDataSource;
  private loadedKey?: string;
  private loadSeq = 0;
  private unsubscribeLive?: () => void;

  protected abstract readonly cardTag: string;
  protected abstract readonly roles: readonly CardRole[];
  protected abstract readonly schema: Schema<C>;
  protected abstract readonly titleKey: keyof Texts['card'];
  protected readonly defaultRange: RangeKey = '24h';
  /** Cards that show current states (KPI tiles) re-render on every state, not only per frame. */
  protected readonly renderOnEveryState: boolean = false;

  /** Card body (chart or tiles) for the current view. */
  protected abstract renderBody(view: CardView<C>): TemplateResult | typeof nothing;

  setConfig(raw: unknown): void {
    registerCardRoles(this.cardTag, this.roles);
    const config = parseConfig(this.schema, raw, this.cardTag);
    this.config = config;
    const shared = config.sync_range === false ? undefined : lastRangeByGroup.get(this.group(config));
    this.range = shared ?? config.range ?? this.defaultRange;
  }

  getCardSize(): number {
    return 5;
  }

  getGridOptions(): { columns: number; rows: number; min_columns: number; min_rows: number } {
    return { columns: 12, rows: 5, min_columns: 6, min_rows: 3 };
  }

  /** Role -> entity id after defaults. */
  get entities(): Partial<Record<CardRole, string>> {
    return resolveEntities(this.roles, { device: this.config?.device, entities: this.config?.entities });
  }

  /** An entity's state text from `hass` or the data source; undefined when it does not exist. */
  protected stateOf(entityId: string): string | undefined {
    return this.hass ? this.hass.states[entityId]?.state : this.dataSource?.current(entityId)?.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(RANGE_EVENT, this.onRangeEvent);
    // Re-attached after removal (HA re-attaches cards when views switch): load again, which also
    // subscribes to live states again.
    this.loadedKey = undefined;
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(RANGE_EVENT, this.onRangeEvent);
    this.unsubscribeLive?.();
    this.unsubscribeLive = undefined;
    this.liveFrame.cancel();
    // A load still in flight must not subscribe a card that is gone (it would never unsubscribe).
    this.loadedKey = undefined;
    this.loadSeq++;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size === 1 && changed.has('hass')) {
      const old = changed.get('hass') as HassLike | undefined;
      const ids = Object.values(this.entities);
      if (!hassTouchesCard(old, this.hass, ids)) return false;
      if (!old || !this.hass || !this.haSource || !this.unsubscribeLive || this.renderOnEveryState)
        return true;
      if (old.themes?.darkMode !== this.hass.themes?.darkMode || languageOf(old) !== languageOf(this.hass))
        return true;
      // A new state of a shown entity reaches the chart as a live append, re-rendered once per frame
      // for a whole burst; rendering here too would draw every state twice. Only a change of what the
      // header reports (missing, unavailable, unit) needs this render.
      this.haSource.setHass(this.hass);
      return hassShape(old, ids) !== hassShape(this.hass, ids);
    }
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hass') && this.hass) {
      if (this.haSource) this.haSource.setHass(this.hass);
      else this.haSource = new HaDataSource(this.hass);
    }
    // Started here, not in updated(), so the loading flag lands in this same render.
    this.maybeLoad();
  }

  private maybeLoad(): void {
    const source = this.source;
    if (!this.config || !source || !this.isConnected) return;
    const key = JSON.stringify([this.entities, this.range]);
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load(++this.loadSeq, source);
    }
  }

  protected get source(): CardDataSource | undefined {
    return this.dataSource ?? this.haSource;
  }

  /** Only the newest load may apply its result: a range change or a removal makes older ones stale. */
  private async load(seq: number, source: CardDataSource): Promise<void> {
    this.loading = true;
    this.loadError = undefined;
    this.unsubscribeLive?.();
    this.liveFrame.cancel();
    const entities = this.entities;
    try {
      const now = Date.now();
      const { samples, from, to, liveRoles } = await loadRoleSamples({
        source,
        entities,
        range: this.range,
        now,
        from: this.loadFrom(now),
      });
      if (seq !== this.loadSeq) return;
      this.samples = samples;
      this.window = { from, to };
      this.dataGeneration++;
      this.liveNewest = to;
      this.unsubscribeLive = source.subscribeLive(Object.values(entities), (update) => {
        for (const role of liveRoles) {
          if (entities[role] === update.entityId && appendLive(this.samples[role], update)) {
            this.liveNewest = Math.max(this.liveNewest, update.t);
            // One re-render per frame for any burst of states (was one per state).
            this.liveFrame.request();
          }
        }
      });
    } catch (err) {
      if (seq !== this.loadSeq) return;
      this.loadError = errorText(err);
    } finally {
      if (seq === this.loadSeq) {
        this.loading = false;
        this.dataVersion++;
      }
    }
  }

  /**
   * Applies the live samples appended since the last frame: the window slides to the newest one and
   * samples that left it are dropped, so a card open for weeks holds the same span as a fresh one.
   */
  private applyLive(): void {
    this.window = slideWindow(this.window, this.liveNewest);
    trimRoles(this.samples, this.window.from);
    this.dataVersion++;
  }

  /** Applies pending live samples now instead of at the next frame (tests, benchmarks). */
  flushLive(): void {
    this.liveFrame.flush();
  }

  /** Start of the data to load when a card needs more than the range (epoch ms). */
  protected loadFrom(now: number): number | undefined {
    void now;
    return undefined;
  }

  private group(config: C | undefined = this.config): string {
    return config?.range_group ?? 'default';
  }

  private readonly onRangeEvent = (event: Event): void => {
    const detail = (event as CustomEvent<RangeEventDetail>).detail;
    if (detail.source === this || this.config?.sync_range === false || detail.group !== this.group()) return;
    this.range = detail.range;
  };

  protected selectRange(range: RangeKey): void {
    this.range = range;
    if (this.config?.sync_range === false) return;
    lastRangeByGroup.set(this.group(), range);
    announceRange({ range, group: this.group(), source: this });
  }

  protected view(): CardView<C> | undefined {
    if (!this.config) return undefined;
    const language = languageOf(this.hass);
    return {
      config: this.config,
      texts: textsFor(language),
      locale: localeFor(language),
      range: this.range,
      entities: this.entities,
      status: entityStatus(this.entities, {
        hass: this.hass,
        source: this.hass ? undefined : this.dataSource,
      }),
      samples: this.samples,
      from: this.window.from,
      to: this.window.to,
      darkMode: this.hass?.themes?.darkMode ?? false,
      width: Math.max(100, this.clientWidth || 600),
      units: this.units(),
    };
  }

  private units(): Partial<Record<CardRole, string>> {
    const out: Partial<Record<CardRole, string>> = {};
    const source = this.source;
    for (const [role, id] of Object.entries(this.entities) as Array<[CardRole, string]>) {
      const unit = source?.current(id)?.unit;
      if (unit) out[role] = unit;
    }
    return out;
  }

  override render(): TemplateResult {
    this.renderCount++;
    const view = this.view();
    if (!view)
      return html`<ha-card><div class="message">${textsFor(undefined).message.loading}</div></ha-card>`;
    const t = view.texts;
    const title = view.config.title ?? t.card[this.titleKey];
    const messages = cardMessages({
      status: view.status,
      texts: t,
      loadError: this.loadError,
      loading: this.loading,
      loaded: this.dataVersion > 0,
    });
    const hasAnyEntity = view.status.available.length > 0 && !this.loadError;
    return html`<ha-card>
      ${cardHeader(title, this.range, t.range, (r) => this.selectRange(r))} ${messages}
      ${hasAnyEntity ? this.renderBody(view) : nothing}
    </ha-card>`;
  }
}
