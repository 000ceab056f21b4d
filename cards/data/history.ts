/**
 * `history/history_during_period` (core homeassistant/components/history/websocket_api.py).
 * Request times are ISO strings; answer times `lu`/`lc` are epoch SECONDS (float).
 */
import type { HassLike } from './hass-types.js';

/** One compressed state row. `lc` (last_changed) is only sent when it differs from `lu`. */
export interface HistoryStateRow {
  /** state, always a string ("21.5", "on", "unavailable") */
  s: string;
  /** attributes; absent with no_attributes except on the first row of some domains */
  a?: Record<string, unknown>;
  /** last_updated, epoch seconds */
  lu: number;
  /** last_changed, epoch seconds */
  lc?: number;
}

/** Answer: entity id -> rows ordered by time; `{}` when start_time lies in the future. */
export type HistoryResult = Record<string, HistoryStateRow[]>;

export interface HistoryRequest {
  entityIds: string[];
  /** epoch ms */
  from: number;
  /** epoch ms */
  to: number;
}

export const historyMessage = (req: HistoryRequest) => ({
  type: 'history/history_during_period',
  start_time: new Date(req.from).toISOString(),
  end_time: new Date(req.to).toISOString(),
  entity_ids: req.entityIds,
  include_start_time_state: true,
  significant_changes_only: false,
  minimal_response: true,
  no_attributes: true,
});

export const fetchHistory = (hass: HassLike, req: HistoryRequest): Promise<HistoryResult> =>
  hass.callWS<HistoryResult>(historyMessage(req));
