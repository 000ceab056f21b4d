import type { WireEntityState, WirePayload, WirePoint } from '../standalone/wire.js';
import type { CardDataSource, LiveState, TimedSample } from './data-source.js';
import { parseStateValue } from './parse-state.js';
import type { StatisticRow } from './statistics.js';

type Listener = { ids: Set<string>; callback: (update: LiveState) => void };
type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface BridgeDataSourceOptions {
  /** Origin of the dashboard server, e.g. `http://localhost:8050`. */
  baseUrl: string;
  token?: string;
  fetch?: FetchLike;
}

const PERIOD_MS = { '5minute': 300_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * CardDataSource for the bridge's standalone dashboard: the same cards that read Home Assistant's
 * recorder read the bridge here. The page hands every `graph_update` to applyPayload(): states
 * become live updates and the range's histories are kept, so a card's first load needs no extra
 * request; other ranges and statistics come from `/api/history`.
 */
export class BridgeDataSource implements CardDataSource {
  private readonly states = new Map<string, LiveState>();
  private readonly listeners = new Set<Listener>();
  private cached:
    { from: number; to: number; windowMs: number; history: Record<string, WirePoint[]> } | undefined;
  private readonly fetchImpl: FetchLike;

  constructor(private readonly options: BridgeDataSourceOptions) {
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  }

  /** Takes a payload from `/api/initial-data` or `graph_update`; tells listeners what changed. */
  applyPayload(payload: WirePayload): void {
    this.cached = {
      from: payload.from,
      to: payload.to,
      windowMs: payload.window_ms,
      history: payload.history,
    };
    for (const wire of payload.states) {
      const next = liveState(wire);
      const previous = this.states.get(next.entityId);
      this.states.set(next.entityId, next);
      if (previous && previous.t === next.t && previous.state === next.state) continue;
      for (const l of this.listeners) if (l.ids.has(next.entityId)) l.callback(next);
    }
  }

  async history(req: {
    entityIds: string[];
    from: number;
    to: number;
  }): Promise<Record<string, TimedSample[]>> {
    if (req.entityIds.length === 0) return {};
    const cached = this.cached;
    // A card asks for "now - range" a moment after the payload was cut: a window or two of slack.
    const slack = cached ? 2 * cached.windowMs + 60_000 : 0;
    if (
      cached &&
      cached.from <= req.from + slack &&
      cached.to >= req.to - slack &&
      req.entityIds.every((id) => id in cached.history)
    ) {
      return Object.fromEntries(
        req.entityIds.map((id) => [
          id,
          toSamples(cached.history[id] ?? [], req.from - slack, req.to + slack),
        ]),
      );
    }
    const data = await this.get(req.entityIds, req.from, req.to);
    return Object.fromEntries(
      req.entityIds.map((id) => [id, toSamples(data[id] ?? [], -Infinity, Infinity)]),
    );
  }

  /** Statistics from the bridge's windowed series: one row per period, value as mean and as counter reading. */
  async statistics(req: {
    statisticIds: string[];
    from: number;
    to: number;
    period: '5minute' | 'hour' | 'day';
  }): Promise<Record<string, StatisticRow[]>> {
    if (req.statisticIds.length === 0) return {};
    const periodMs = PERIOD_MS[req.period];
    const data = await this.get(req.statisticIds, req.from, req.to, periodMs);
    const out: Record<string, StatisticRow[]> = {};
    for (const id of req.statisticIds) {
      out[id] = (data[id] ?? []).map(([t, v]) => ({
        start: t,
        end: t + periodMs,
        mean: v,
        min: v,
        max: v,
        state: v,
        sum: v,
      }));
    }
    return out;
  }

  current(entityId: string): LiveState | undefined {
    return this.states.get(entityId);
  }

  subscribeLive(entityIds: string[], callback: (update: LiveState) => void): () => void {
    const listener: Listener = { ids: new Set(entityIds), callback };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async get(
    ids: string[],
    from: number,
    to: number,
    windowMs?: number,
  ): Promise<Record<string, WirePoint[]>> {
    const params = new URLSearchParams({
      entity_ids: ids.join(','),
      from: String(Math.floor(from)),
      to: String(Math.ceil(to)),
    });
    if (windowMs !== undefined) params.set('window_ms', String(windowMs));
    const headers: Record<string, string> = this.options.token
      ? { Authorization: `Bearer ${this.options.token}` }
      : {};
    const res = await this.fetchImpl(`${this.options.baseUrl}/api/history?${params}`, { headers });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      throw new Error(`bridge answered ${res.status}${body.error ? `: ${body.error}` : ''}`);
    }
    return (await res.json()) as Record<string, WirePoint[]>;
  }
}

function liveState(wire: WireEntityState): LiveState {
  const a = wire.attributes ?? {};
  return {
    entityId: wire.entity_id,
    state: wire.state,
    value: parseStateValue(wire.state),
    t: wire.last_updated,
    unit: typeof a.unit_of_measurement === 'string' ? a.unit_of_measurement : undefined,
    name: typeof a.friendly_name === 'string' ? a.friendly_name : undefined,
    attributes: a,
  };
}

function toSamples(points: readonly WirePoint[], from: number, to: number): TimedSample[] {
  const out: TimedSample[] = [];
  for (const [t, v] of points) if (t >= from && t <= to) out.push({ t, v: v ?? Number.NaN });
  return out;
}
