/**
 * What to read, independent of the query language. The Flux and InfluxQL builders turn a plan
 * into query text; the layouts (husdata, home-assistant, custom) turn config into a plan.
 */

export type Aggregate = 'mean' | 'last' | 'max';

/**
 * husdata: one measurement, one field, the signal name in a tag; the `type` tag tells
 * which signals are states or counters (aggregated with `last`, never averaged into fractions).
 */
export interface TaggedPlan {
  kind: 'tagged';
  measurement: string;
  field: string;
  /** Tag whose value becomes the row key (husdata: `name`). */
  keyTag: string;
  /** Only these key values; empty = all. */
  keys: readonly string[];
  /** Tag and values that select `last` aggregation instead of `mean`. */
  lastWhen: { tag: string; values: readonly string[] };
}

/** home-assistant and custom layouts: one selector per signal, each with its own aggregate. */
export interface SignalPlan {
  kind: 'signals';
  signals: readonly SignalSelector[];
}

export interface SignalSelector {
  /** Row key the rows of this signal get (a canonical role). */
  key: string;
  /** Unset = any measurement (HA writes one measurement per unit). */
  measurement?: string | undefined;
  field: string;
  tags: Readonly<Record<string, string>>;
  aggregate: Aggregate;
}

export type QueryPlan = TaggedPlan | SignalPlan;

export interface QueryRange {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  windowMs: number;
}

/**
 * One aggregated point: window start (epoch ms), row key (a husdata register name, or the role of
 * the generic layouts), value; shaped as the core's ProviderRow. The transports hand points over
 * in runs (keyed-points.ts); rows, one object each, are for tests (`InfluxSource.fetchRows`).
 */
export interface SourceRow {
  t: number;
  name: string;
  value: number;
}
