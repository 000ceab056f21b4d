/**
 * The standalone dashboard's wire format, as bridge/dashboard/dashboard-feed.ts sends it (the cards
 * build cannot import bridge code, so the shapes are restated here; the end-to-end test runs both).
 * Times are epoch milliseconds.
 */

/** [t, value]; null = a gap. */
export type WirePoint = [number, number | null];

export interface WireEntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_updated: number;
}

export interface WireEvent {
  t: number;
  kind: 'compressor' | 'hot_water' | 'aux_heater' | 'alarm';
  level: 'info' | 'warning' | 'danger' | 'success';
  description: string;
  code?: number;
}

export interface WireStatus {
  alarm: { active: boolean; code: number | null; text: string | null; severity: string | null };
  compressor_running: boolean | null;
  hot_water_mode: boolean | null;
  aux_heater_on: boolean | null;
  outdoor_temp: number | null;
}

/** `/api/initial-data` and the body of `graph_update`. */
export interface WirePayload {
  time_range: string;
  from: number;
  to: number;
  window_ms: number;
  timestamp: number;
  states: WireEntityState[];
  history: Record<string, WirePoint[]>;
  events: WireEvent[];
  status: WireStatus;
  kpi: Record<string, number | null>;
}

/** `/api/config`. */
export interface WireConfig {
  brand: string;
  display_name: string;
  title: string;
  device: string;
  version: string;
  source: string;
  ranges: string[];
  default_range: string;
  update_interval_seconds: number;
}

export type ServerMessage =
  | ({ type: 'graph_update' } & WirePayload)
  | { type: 'pong'; timestamp: number }
  | { type: 'connection_status'; status: string; message: string; time_range: string }
  | { type: 'error'; message: string };
