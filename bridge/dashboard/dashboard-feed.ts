import type { SeriesByRole } from '../../src/model/index.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import type { BrandProvider } from '../../src/providers/index.js';
import { chooseWindow } from '../influx/window.js';
import { optionsForWindow } from '../pipeline/compute-snapshot.js';
import type { EntityState } from '../publish/state-builder.js';
import type { SampleSource } from '../sources/sample-source.js';
import { SignalHistory } from './entity-history.js';
import type { WirePoint } from './entity-history.js';
import { CARD_ALIASES, resolveEntity } from './entity-signals.js';
import { detectEvents } from './events.js';
import type { DashboardEvent } from './events.js';
import { DASHBOARD_RANGE_MS } from './ranges.js';
import type { DashboardRange } from './ranges.js';
import { StateRecorder, stateNumber } from './state-recorder.js';

const DAY_MS = 86_400_000;

/** One entity's current state on the wire (HA's state object, times in epoch ms). */
export interface DashboardEntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_updated: number;
}

/** Everything the page shows for one range: what `/api/initial-data` returns and `graph_update` carries. */
export interface DashboardPayload {
  time_range: DashboardRange;
  from: number;
  to: number;
  window_ms: number;
  timestamp: number;
  states: DashboardEntityState[];
  /** Entity id -> windowed history over [from, to). */
  history: Record<string, WirePoint[]>;
  events: DashboardEvent[];
  status: DashboardStatus;
  /** Headline figures by catalog key (cop_today, electrical_energy_today ...), null when unavailable. */
  kpi: Record<string, number | null>;
}

export interface DashboardStatus {
  alarm: { active: boolean; code: number | null; text: string | null; severity: string | null };
  compressor_running: boolean | null;
  hot_water_mode: boolean | null;
  aux_heater_on: boolean | null;
  outdoor_temp: number | null;
}

export interface DashboardFeedOptions {
  source: SampleSource;
  provider: BrandProvider;
  metricOptions: MetricOptions;
  deviceSlug: string;
  /** The states the bridge built in its latest cycle (HaPublisher.lastStates). */
  states: () => readonly EntityState[];
  /** The logger's interval: the finest window worth querying. */
  sampleIntervalMs: number;
  now?: () => number;
  eventsLimit?: number;
  /** Longest range whose events are listed (events need fine windows). */
  eventsMaxRangeMs?: number;
  /** Points per history series on the page; cards down-sample further to their width. */
  maxPoints?: number;
}

/**
 * The standalone dashboard's data: entity histories from the bridge's source (the same windowed
 * series the bridge computes its figures from), the bridge's current states, and an events list.
 * Pure of transport: the HTTP routes and the WebSocket hub both call it.
 */
export class DashboardFeed {
  private readonly now: () => number;
  private readonly recorder = new StateRecorder(8 * DAY_MS);
  private recordedStates: readonly EntityState[] | undefined;
  private readonly stateTimes = new Map<string, { state: string; t: number }>();

  constructor(private readonly options: DashboardFeedOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records the bridge's newest states (when they changed) and returns them on the wire. */
  currentStates(): DashboardEntityState[] {
    const states = this.options.states();
    const now = this.now();
    if (states !== this.recordedStates) {
      this.recordedStates = states;
      this.recorder.record(states, now);
      for (const s of states) {
        const seen = this.stateTimes.get(s.entity_id);
        if (!seen || seen.state !== s.state) this.stateTimes.set(s.entity_id, { state: s.state, t: now });
      }
    }
    const wire = states.map((s) => ({ ...s, last_updated: this.stateTimes.get(s.entity_id)?.t ?? now }));
    return [...wire, ...this.aliasStates(wire)];
  }

  async payload(range: DashboardRange): Promise<DashboardPayload> {
    const to = this.now();
    const from = to - DASHBOARD_RANGE_MS[range];
    const states = this.currentStates();
    const entityIds = states.map((s) => s.entity_id);
    const { history, windowMs } = await this.historyWithWindow({ entityIds, from, to });
    return {
      time_range: range,
      from,
      to,
      window_ms: windowMs,
      timestamp: to,
      states,
      history,
      events: await this.events(from, to),
      status: statusOf(states, this.options.deviceSlug),
      kpi: kpiOf(states, this.options.deviceSlug),
    };
  }

  /** Histories of entity ids over [from, to); unknown ids are left out. */
  async history(req: {
    entityIds: readonly string[];
    from: number;
    to: number;
    windowMs?: number;
  }): Promise<Record<string, WirePoint[]>> {
    this.currentStates();
    return (await this.historyWithWindow(req)).history;
  }

  private async historyWithWindow(req: {
    entityIds: readonly string[];
    from: number;
    to: number;
    windowMs?: number;
  }): Promise<{ history: Record<string, WirePoint[]>; windowMs: number }> {
    const { from, to } = req;
    const windowMs =
      req.windowMs ??
      chooseWindow({
        from,
        to,
        minWindowMs: this.options.sampleIntervalMs,
        maxPoints: this.options.maxPoints ?? 1000,
      });
    const slug = this.options.deviceSlug;
    const resolved = req.entityIds.map((id) => ({ id, entity: resolveEntity(id, slug) }));
    const needsSeries = resolved.some((r) => r.entity?.signal !== undefined);
    const series: SeriesByRole = needsSeries
      ? (await this.options.source.fetch({ from, to, windowMs })).series
      : {};
    const signals = new SignalHistory({
      series,
      from,
      to,
      windowMs,
      options: optionsForWindow(this.options.metricOptions, windowMs),
    });
    const history: Record<string, WirePoint[]> = {};
    for (const { id, entity } of resolved) {
      if (!entity) continue;
      if (entity.signal) history[id] = signals.points(entity.signal);
      else history[id] = this.recorder.history(`${entity.domain}.${slug}_${entity.key}`, from, to);
    }
    return { history, windowMs };
  }

  private async events(from: number, to: number): Promise<DashboardEvent[]> {
    const start = Math.max(from, to - (this.options.eventsMaxRangeMs ?? 7 * DAY_MS));
    const windowMs = chooseWindow({
      from: start,
      to,
      minWindowMs: this.options.sampleIntervalMs,
      maxPoints: 25_000,
    });
    const { series } = await this.options.source.fetch({ from: start, to, windowMs });
    return detectEvents({ series, provider: this.options.provider, limit: this.options.eventsLimit ?? 50 });
  }

  /** The card-side names of the two binary sensors the catalog calls differently. */
  private aliasStates(states: readonly DashboardEntityState[]): DashboardEntityState[] {
    const slug = this.options.deviceSlug;
    const out: DashboardEntityState[] = [];
    for (const [alias, key] of Object.entries(CARD_ALIASES)) {
      const target = states.find((s) => s.entity_id === `binary_sensor.${slug}_${key}`);
      if (target) out.push({ ...target, entity_id: `binary_sensor.${slug}_${alias}` });
    }
    return out;
  }
}

function stateByKey(
  states: readonly DashboardEntityState[],
  slug: string,
): (domain: string, key: string) => DashboardEntityState | undefined {
  const map = new Map(states.map((s) => [s.entity_id, s]));
  return (domain, key) => map.get(`${domain}.${slug}_${key}`);
}

function statusOf(states: readonly DashboardEntityState[], slug: string): DashboardStatus {
  const get = stateByKey(states, slug);
  const bool = (key: string): boolean | null => {
    const v = stateNumber(get('binary_sensor', key)?.state ?? '');
    return v === null ? null : v > 0;
  };
  const alarm = get('binary_sensor', 'alarm');
  const attr = alarm?.attributes ?? {};
  return {
    alarm: {
      active: alarm?.state === 'on',
      code: typeof attr.code === 'number' ? attr.code : null,
      text: typeof attr.text === 'string' ? attr.text : null,
      severity: typeof attr.severity === 'string' ? attr.severity : null,
    },
    compressor_running: bool('compressor_running'),
    hot_water_mode: bool('hot_water_mode'),
    aux_heater_on: bool('aux_heater_on'),
    outdoor_temp: stateNumber(get('sensor', 'outdoor_temp')?.state ?? ''),
  };
}

const KPI_KEYS = [
  'cop_now',
  'cop_today',
  'cop_7d',
  'cop_30d',
  'cop_season',
  'electrical_energy_today',
  'heat_energy_today',
  'compressor_share_24h',
  'aux_heater_share_24h',
  'hot_water_share_24h',
  'compressor_starts_24h',
  'short_cycles_24h',
];

function kpiOf(states: readonly DashboardEntityState[], slug: string): Record<string, number | null> {
  const get = stateByKey(states, slug);
  return Object.fromEntries(KPI_KEYS.map((key) => [key, stateNumber(get('sensor', key)?.state ?? '')]));
}
