import type { SeriesByRole } from '../../src/model/index.js';
import type { DataIssueCounts } from '../../src/model/index.js';

/**
 * Where the bridge gets heat pump data from. InfluxDB is one implementation
 * (bridge/influx/influx-source.ts); the built-in simulator (src/simulator/) is meant to be another.
 * The pipeline, `report` and `backfill` depend on this interface only. See README.md beside this file.
 */
export interface SampleSource {
  /** Short name for logs and `check`, e.g. `influxdb-flux`, `simulator`. */
  readonly kind: string;
  /** Opens connections / detects the server. Must throw a clear Error when it cannot. */
  start(): Promise<void>;
  /** Releases everything start() took; safe to call twice or without start(). */
  stop(): Promise<void>;
  /**
   * Canonical series for [from, to), aggregated into windows of `windowMs`. Each window is one
   * sample stamped with the window's start (epoch ms): mean for analog signals, last value for
   * states, codes and counters. Samples sorted by time, finite values, canonical units (Sample docs).
   * Roles the source does not have are absent, never zero-filled.
   */
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** What `heatpump-bridge check` prints: server, version, what data is there. */
  describe(): Promise<SourceDescription>;
}

export interface FetchRequest {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** Aggregation window in ms; choose it with chooseWindow() in bridge/influx/window.ts. */
  windowMs: number;
  /** Aborted when the bridge stops mid-query. */
  signal?: AbortSignal;
}

export interface FetchResult {
  series: SeriesByRole;
  /** Aggregated rows the source returned before mapping (for logs and budgets). */
  rows: number;
  /** Rows dropped while mapping, by reason (bad values, duplicates, unknown names ...). */
  issues: DataIssueCounts;
  /** Source keys that matched no role (e.g. husdata registers the provider does not map). */
  unmappedKeys: string[];
}

export interface SourceDescription {
  kind: string;
  /** e.g. `InfluxDB 2.7.12 (Flux)`; or `simulator seed 42`. */
  server: string;
  /** Bucket, database/rp, or a simulator profile. */
  location: string;
  /** Roles that have at least one sample in the last 24 h. */
  rolesFound: string[];
  notes: string[];
}
