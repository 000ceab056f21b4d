/**
 * What a card needs from wherever its data lives. Home Assistant implements it over `hass`
 * (ha-data-source.ts); the bridge's standalone dashboard plugs in its own implementation.
 */
import type { StatisticsPeriod } from '../shared/time-range.js';
import type { StatisticRow } from './statistics.js';

/** A value at a time: `t` epoch ms; `v` NaN where the entity was unavailable/unknown (a gap). */
export interface TimedSample {
  t: number;
  v: number;
}

/** Latest state of one entity, as shown in tiles and used for live appends. */
export interface LiveState {
  entityId: string;
  /** raw state text ("21.5", "on", "unavailable") */
  state: string;
  /** parsed value, NaN when not a number/on/off */
  value: number;
  /** last_updated, epoch ms */
  t: number;
  unit?: string;
  name?: string;
  attributes: Record<string, unknown>;
}

export interface CardDataSource {
  /** Raw state history, every change, times in epoch ms. */
  history(req: { entityIds: string[]; from: number; to: number }): Promise<Record<string, TimedSample[]>>;
  /** Long-term statistics rows (times already epoch ms in the wire format). */
  statistics(req: {
    statisticIds: string[];
    from: number;
    to: number;
    period: StatisticsPeriod;
  }): Promise<Record<string, StatisticRow[]>>;
  /** Current state of an entity, undefined when the entity does not exist. */
  current(entityId: string): LiveState | undefined;
  /** Called with every newer state of the given entities; returns the unsubscribe function. */
  subscribeLive(entityIds: string[], callback: (update: LiveState) => void): () => void;
}
