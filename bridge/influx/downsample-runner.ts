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
import { InfluxQueryError } from './influx-errors.js';
import type { FluxTransport } from './flux-transport.js';
import type { InfluxQLTransport } from './influxql-transport.js';
import type { KeyedPoints } from './keyed-points.js';
import type { QueryPlan } from './query-plan.js';
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

/**
 * The downsampler of the source's language, with what its copy covers already found; undefined
 * without a copy. Only the other language's key, or a copy that cannot be read (no such bucket or
 * retention policy), is a config error naming the key.
 */
export async function startDownsampler(options: DownsamplerOptions): Promise<Downsampler | undefined> {
  const { influx, source, plan } = options;
  const flux = options.flux;
  const [key, other] =
    flux !== undefined
      ? (['downsample_bucket', 'downsample_retention_policy'] as const)
      : (['downsample_retention_policy', 'downsample_bucket'] as const);
  const target = influx[key];
  if (target === undefined) {
    if (influx[other] === undefined) return undefined;
    const [language, otherLanguage] = flux !== undefined ? ['Flux', 'InfluxQL'] : ['InfluxQL', 'Flux'];
    throw new ConfigError([
      { path: `influxdb.${key}`, message: `is required with ${language} (${other} is for ${otherLanguage})` },
    ]);
  }
  const influxql = options.influxql;
  let runner: DownsampleRunner;
  if (flux !== undefined) {
    runner = {
      bounds: (to) => boundsOf(flux.batches(buildFluxBounds({ bucket: target, plan, to }))),
      write: (range) =>
        writtenOf(flux.batches(buildFluxDownsample({ source: options.rawBucket, target, plan, range }))),
    };
  } else if (influxql !== undefined) {
    const sourceRetentionPolicy = influx.retention_policy;
    runner = {
      bounds: () => boundsOf(influxql.batches(buildInfluxQLBounds({ plan, retentionPolicy: target }))),
      write: (range) =>
        writtenOf(
          influxql.batches(
            buildInfluxQLDownsample({ plan, sourceRetentionPolicy, targetRetentionPolicy: target, range }),
          ),
        ),
    };
  } else return undefined;
  const downsampler = new Downsampler(runner, {
    windowMs: (influx.downsample_window_minutes ?? defaultCopyMinutes(options)) * 60_000,
    // A logger's point can land a couple of intervals late; the last window is redone anyway.
    settleMs: Math.max(60_000, 2 * source.sample_interval_seconds * 1000),
    backfillMs: influx.downsample_backfill_days * 86_400_000,
    maxSpanMs: MAX_QUERY_SPAN_MS,
  });
  try {
    await downsampler.discover(Date.now());
  } catch (error) {
    if (!(error instanceof InfluxQueryError)) throw error;
    throw new ConfigError([{ path: `influxdb.${key}`, message: `cannot be read: ${error.message}` }]);
  }
  return downsampler;
}

/**
 * 5 min with Flux: 7- and 30-day reads (5-min windows) use the copy too. 30 min with InfluxQL:
 * InfluxDB 1.6 answers ~8 µs per row however few points it reads, so a year (30-min windows) is
 * only within 5x a day's cycle when it reads the copy's points as stored (PERFORMANCE.md, fix 14).
 */
function defaultCopyMinutes(options: DownsamplerOptions): number {
  return options.flux !== undefined ? 5 : 30;
}

/** The points a downsample write reports (one row per statement or stream). */
async function writtenOf(batches: AsyncIterable<readonly KeyedPoints[]>): Promise<number> {
  let sum = 0;
  for await (const batch of batches) for (const run of batch) for (const v of run.v) sum += v;
  return sum;
}

/** Earliest `first` and latest `last` over the streams of a bounds query. */
async function boundsOf(
  batches: AsyncIterable<readonly KeyedPoints[]>,
): Promise<{ first: number; last: number } | undefined> {
  let first = Infinity;
  let last = -Infinity;
  for await (const batch of batches) {
    for (const run of batch) {
      if (run.name === FIRST_KEY) for (const t of run.t) first = Math.min(first, t);
      else if (run.name === LAST_KEY) for (const t of run.t) last = Math.max(last, t);
    }
  }
  return first <= last ? { first, last } : undefined;
}
