import { ConfigError } from '../config/config-error.js';
import type { InfluxConfig, SourceConfig } from '../config/schema.js';
import {
  buildFluxBounds,
  buildFluxDownsample,
  buildInfluxQLBounds,
  buildInfluxQLDownsample,
  FIRST_KEY,
  LAST_KEY,
} from './downsample-query.js';
import { Downsampler, type DownsampleRunner } from './downsampler.js';
import type { FluxTransport } from './flux-transport.js';
import type { InfluxQLTransport } from './influxql-transport.js';
import type { QueryPlan, SourceRow } from './query-plan.js';
import { MAX_QUERY_SPAN_MS } from './query-spans.js';

export interface DownsamplerOptions {
  influx: InfluxConfig;
  source: SourceConfig;
  plan: QueryPlan;
  /** Flux: the bucket of the raw data (fluxBucket() of the source). */
  rawBucket: string;
  /** The transport of the language the source speaks; the other is undefined. */
  flux: FluxTransport | undefined;
  influxql: InfluxQLTransport | undefined;
}

/** The copy of the source's language; a key only for the other language is a config error. */
export function createDownsampler(options: DownsamplerOptions): Downsampler | undefined {
  const { influx, source, plan } = options;
  const stepOptions = {
    windowMs: (influx.downsample_window_minutes ?? defaultCopyMinutes(options)) * 60_000,
    // A logger's point can land a couple of intervals late; the last window is redone anyway.
    settleMs: Math.max(60_000, 2 * source.sample_interval_seconds * 1000),
    backfillMs: influx.downsample_backfill_days * 86_400_000,
    maxSpanMs: MAX_QUERY_SPAN_MS,
  };
  const flux = options.flux;
  if (flux !== undefined) {
    const target = influx.downsample_bucket;
    if (target === undefined) {
      if (influx.downsample_retention_policy === undefined) return undefined;
      throw new ConfigError([
        {
          path: 'influxdb.downsample_bucket',
          message: 'is required with Flux (downsample_retention_policy is for InfluxQL)',
        },
      ]);
    }
    const runner: DownsampleRunner = {
      bounds: async (to) =>
        boundsOf(await collect(flux.batches(buildFluxBounds({ bucket: target, plan, to })))),
      write: async (range) =>
        sumOf(
          await collect(
            flux.batches(buildFluxDownsample({ source: options.rawBucket, target, plan, range })),
          ),
        ),
    };
    return new Downsampler(runner, stepOptions);
  }
  const influxql = options.influxql;
  if (influxql === undefined) return undefined;
  const targetRp = influx.downsample_retention_policy;
  if (targetRp === undefined) {
    if (influx.downsample_bucket === undefined) return undefined;
    throw new ConfigError([
      {
        path: 'influxdb.downsample_retention_policy',
        message: 'is required with InfluxQL (downsample_bucket is for Flux)',
      },
    ]);
  }
  const runner: DownsampleRunner = {
    bounds: async () =>
      boundsOf(await collect(influxql.batches(buildInfluxQLBounds({ plan, retentionPolicy: targetRp })))),
    write: async (range) =>
      sumOf(
        await collect(
          influxql.batches(
            buildInfluxQLDownsample({
              plan,
              sourceRetentionPolicy: influx.retention_policy,
              targetRetentionPolicy: targetRp,
              range,
            }),
          ),
        ),
      ),
  };
  return new Downsampler(runner, stepOptions);
}

/**
 * 5 min with Flux: 7- and 30-day reads (5-min windows) use the copy too. 30 min with InfluxQL:
 * InfluxDB 1.6 answers ~8 µs per row however few points it reads, so a year (30-min windows) is
 * only within 5x a day's cycle when it reads the copy's points as stored (PERFORMANCE.md, fix 14).
 */
function defaultCopyMinutes(options: DownsamplerOptions): number {
  return options.flux !== undefined ? 5 : 30;
}

async function collect(batches: AsyncIterable<readonly SourceRow[]>): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of batches) for (const row of batch) rows.push(row);
  return rows;
}

function sumOf(rows: readonly SourceRow[]): number {
  return rows.reduce((sum, r) => sum + r.value, 0);
}

/** Earliest `first` and latest `last` over the streams of a bounds query. */
function boundsOf(rows: readonly SourceRow[]): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r.name === FIRST_KEY) first = Math.min(first, r.t);
    else if (r.name === LAST_KEY) last = Math.max(last, r.t);
  }
  return first <= last ? { first, last } : undefined;
}
