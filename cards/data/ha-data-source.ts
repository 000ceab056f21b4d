import type { CardDataSource, LiveState, TimedSample } from './data-source.js';
import type { HassLike } from './hass-types.js';
import { fetchHistory } from './history.js';
import { liveStateFromEntity, parseStateValue } from './parse-state.js';
import { fetchStatistics } from './statistics.js';
import type { StatisticRow } from './statistics.js';

type Listener = { ids: Set<string>; callback: (update: LiveState) => void };

/**
 * CardDataSource over a Home Assistant `hass` object. Live updates come from the `hass` objects
 * HA hands the card on every state change (`setHass`), so no extra subscription is opened.
 */
export class HaDataSource implements CardDataSource {
  private listeners = new Set<Listener>();

  constructor(private hass: HassLike) {}

  /** Feed the newest `hass`; listeners hear about entities whose state object changed. */
  setHass(hass: HassLike): void {
    const previous = this.hass;
    this.hass = hass;
    if (previous === hass || this.listeners.size === 0) return;
    for (const listener of this.listeners) {
      for (const id of listener.ids) {
        const entity = hass.states[id];
        if (entity && entity !== previous.states[id]) listener.callback(liveStateFromEntity(entity));
      }
    }
  }

  async history(req: {
    entityIds: string[];
    from: number;
    to: number;
  }): Promise<Record<string, TimedSample[]>> {
    if (req.entityIds.length === 0) return {};
    const result = await fetchHistory(this.hass, req);
    const out: Record<string, TimedSample[]> = {};
    for (const id of req.entityIds) {
      // History times are epoch seconds on the wire; everything in the cards is epoch ms.
      out[id] = (result[id] ?? []).map((row) => ({
        t: Math.round(row.lu * 1000),
        v: parseStateValue(row.s),
      }));
    }
    return out;
  }

  async statistics(req: {
    statisticIds: string[];
    from: number;
    to: number;
    period: '5minute' | 'hour' | 'day';
  }): Promise<Record<string, StatisticRow[]>> {
    if (req.statisticIds.length === 0) return {};
    return fetchStatistics(this.hass, req);
  }

  current(entityId: string): LiveState | undefined {
    const entity = this.hass.states[entityId];
    return entity ? liveStateFromEntity(entity) : undefined;
  }

  subscribeLive(entityIds: string[], callback: (update: LiveState) => void): () => void {
    const listener: Listener = { ids: new Set(entityIds), callback };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
