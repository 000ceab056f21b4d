import { ConfigError } from '../config/config-error.js';
import type { InfluxConfig, SourceConfig } from '../config/schema.js';
import type { FetchRequest, FetchResult, SampleSource, SourceDescription } from '../sources/sample-source.js';
import type { RowMapper } from '../sources/row-mapper.js';
import { splitByCoverage } from './downsample-coverage.js';
import { startDownsampler } from './downsample-runner.js';
import type { Downsampler, DownsampleStepResult } from './downsampler.js';
import { buildFluxQuery } from './flux-query.js';
import { createFluxTransport, type FluxTransport } from './flux-transport.js';
import { buildInfluxQLQuery, type InfluxQLQuery } from './influxql-query.js';
import { createInfluxQLTransport, type InfluxQLTransport } from './influxql-transport.js';
import { planForSource } from './layouts.js';
import { pingInflux, type InfluxServerInfo } from './ping.js';
import { pointCount, rowsOfPoints, type KeyedPoints } from './keyed-points.js';
import type { QueryPlan, QueryRange, SourceRow } from './query-plan.js';
import { MAX_QUERY_SPAN_MS, querySpans } from './query-spans.js';

export type QueryLanguage = 'flux' | 'influxql';

export type SourceQuery = { language: 'flux'; text: string } | { language: 'influxql'; query: InfluxQLQuery };

/** Everything that talks to the network, injectable so unit tests run on fakes. */
export interface InfluxTransports {
  ping(): Promise<InfluxServerInfo>;
  flux(): FluxTransport;
  influxql(): InfluxQLTransport;
}

export interface InfluxSourceOptions {
  influx: InfluxConfig;
  source: SourceConfig;
  mapper: RowMapper;
  transports?: InfluxTransports;
}

/** Reads one of the three layouts with Flux or InfluxQL (DESIGN.md section 4). */
export class InfluxSource implements SampleSource {
  private readonly options: InfluxSourceOptions;
  private readonly transports: InfluxTransports;
  private server: InfluxServerInfo | undefined;
  private language: QueryLanguage | undefined;
  private plan: QueryPlan | undefined;
  private flux: FluxTransport | undefined;
  private influxql: InfluxQLTransport | undefined;
  private downsampler: Downsampler | undefined;

  constructor(options: InfluxSourceOptions) {
    this.options = options;
    this.transports = options.transports ?? defaultTransports(options.influx);
  }

  get kind(): string {
    return `influxdb-${this.language ?? this.options.influx.language}`;
  }

  async start(): Promise<void> {
    const { influx, source, mapper } = this.options;
    this.plan = planForSource({ source, knownNames: mapper.knownKeys });
    // A configured language needs no server to start; `auto` asks the server which one it is.
    if (influx.language !== 'auto') {
      this.language = influx.language;
      this.server = await this.transports.ping().catch(() => undefined);
    } else {
      this.server = await this.transports.ping();
      this.language = pickLanguage(influx, this.server);
    }
    requireLocation(influx, this.language);
    if (this.language === 'flux') this.flux = this.transports.flux();
    else this.influxql = this.transports.influxql();
    this.downsampler = await startDownsampler({
      influx,
      source,
      plan: this.plan,
      rawBucket: this.flux !== undefined ? fluxBucket(influx) : '',
      flux: this.flux,
      influxql: this.influxql,
    });
  }

  async stop(): Promise<void> {
    // HTTP requests are per call; nothing is held open between cycles.
    this.flux = undefined;
    this.influxql = undefined;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    // Each batch is mapped as it arrives, while InfluxDB is still sending the next: the mapping
    // overlaps the wait, and the batch's points are garbage once mapped.
    const mapping = this.options.mapper.start();
    let rows = 0;
    await this.read(request, (batch) => {
      mapping.add(batch);
      rows += pointCount(batch);
    });
    const mapped = mapping.finish();
    return {
      series: mapped.series,
      rows,
      issues: mapped.issues,
      unmappedKeys: mapped.unmappedKeys,
    };
  }

  /** Aggregated rows before mapping, one object each; tests use it. */
  async fetchRows(request: FetchRequest): Promise<SourceRow[]> {
    return rowsOfPoints(await this.fetchPoints(request));
  }

  /** Aggregated points before mapping, in runs per key as the transports read them. */
  async fetchPoints(request: FetchRequest): Promise<KeyedPoints[]> {
    const runs: KeyedPoints[] = [];
    // A batch is a few runs (one per key), not thousands of rows: spreading it is fine.
    await this.read(request, (batch) => runs.push(...batch));
    return runs;
  }

  /** Reads the request's pieces (raw | copy | raw, each in spans) and hands over each batch. */
  private async read(request: FetchRequest, onBatch: (batch: readonly KeyedPoints[]) => void): Promise<void> {
    if (this.plan === undefined) throw new Error('InfluxSource.fetch() before start()');
    // Epoch-aligned windows: both languages then return the same window starts.
    const from = Math.floor(request.from / request.windowMs) * request.windowMs;
    const range = { from, to: request.to, windowMs: request.windowMs };
    const d = this.downsampler;
    const copySpanMs = copySpan(d, this.options.source.sample_interval_seconds * 1000);
    for (const piece of splitByCoverage(range, d?.coverage, d?.windowMs ?? 1)) {
      // Long ranges are read in pieces of at most a month, so no single query nears the timeout.
      for (const span of querySpans(piece.range, piece.downsampled ? copySpanMs : MAX_QUERY_SPAN_MS)) {
        if (request.signal?.aborted) break;
        for await (const batch of this.spanBatches(span, piece.downsampled)) {
          if (request.signal?.aborted) break;
          onBatch(batch);
        }
      }
    }
  }

  /**
   * One step of keeping the downsampled copy (`run` calls it on its own schedule); undefined when
   * no copy is configured or it is up to date.
   */
  async downsample(now: number): Promise<DownsampleStepResult | undefined> {
    return this.downsampler?.step(now);
  }

  /** What the downsampled copy covers, for logs and `check`; undefined without one. */
  get downsampleCoverage(): { from: number; to: number } | undefined {
    return this.downsampler?.coverage;
  }

  private spanBatches(range: QueryRange, downsampled: boolean): AsyncIterable<readonly KeyedPoints[]> {
    const query = this.queryFor(range, downsampled);
    if (query.language === 'flux' && this.flux !== undefined) return this.flux.batches(query.text);
    if (query.language === 'influxql' && this.influxql !== undefined)
      return this.influxql.batches(query.query);
    throw new Error('InfluxSource.fetch() after stop()');
  }

  /** The query text for one piece of a read (the benches send the same text as their floor). */
  queryFor(range: QueryRange, downsampled: boolean): SourceQuery {
    if (this.plan === undefined || this.language === undefined)
      throw new Error('InfluxSource.fetch() before start()');
    const { influx } = this.options;
    if (this.language === 'flux') {
      const bucket = downsampled ? (influx.downsample_bucket as string) : fluxBucket(influx);
      return { language: 'flux', text: buildFluxQuery({ bucket, plan: this.plan, range }) };
    }
    const retentionPolicy = downsampled ? influx.downsample_retention_policy : influx.retention_policy;
    const asStored = downsampled && range.windowMs === this.downsampler?.windowMs;
    return {
      language: 'influxql',
      query: buildInfluxQLQuery({ plan: this.plan, range, retentionPolicy, asStored }),
    };
  }

  /** The copy's window in ms; undefined without a copy. */
  get downsampleWindowMs(): number | undefined {
    return this.downsampler?.windowMs;
  }

  async describe(): Promise<SourceDescription> {
    const { influx } = this.options;
    const now = Date.now();
    const result = await this.fetch({ from: now - 86_400_000, to: now, windowMs: 3_600_000 });
    const notes: string[] = [];
    if (result.unmappedKeys.length > 0)
      notes.push(`keys with no role: ${result.unmappedKeys.sort().join(', ')}`);
    const copy = this.downsampleCoverage;
    if (this.downsampler !== undefined)
      notes.push(
        copy === undefined
          ? 'downsampled copy: empty (`run` fills it)'
          : `downsampled copy: ${new Date(copy.from).toISOString()} .. ${new Date(copy.to).toISOString()}`,
      );
    return {
      kind: this.kind,
      server: `InfluxDB ${this.server?.version ?? '(version unknown)'} (${this.language === 'flux' ? 'Flux' : 'InfluxQL'})`,
      location:
        this.language === 'flux' ? `bucket ${fluxBucket(influx)}` : `database ${influxqlDatabase(influx)}`,
      rolesFound: Object.keys(result.series).sort(),
      notes,
    };
  }

  get serverInfo(): InfluxServerInfo | undefined {
    return this.server;
  }
}

/**
 * The copy holds a point per copy window where the raw data has one per sample interval, so a
 * query over the copy may span that many times longer for the same work (5 min / 30 s: 310 days
 * instead of 31): a year from the copy is two queries instead of twelve.
 */
function copySpan(downsampler: Downsampler | undefined, sampleMs: number): number {
  if (downsampler === undefined) return MAX_QUERY_SPAN_MS;
  return MAX_QUERY_SPAN_MS * Math.max(1, Math.floor(downsampler.windowMs / sampleMs));
}

/**
 * `auto`: InfluxDB 2.x and later speak Flux; 1.x speaks InfluxQL (1.8 can do Flux too, but only
 * when enabled, while InfluxQL always works). Unknown version: whatever the credentials suggest.
 */
export function pickLanguage(influx: InfluxConfig, server: InfluxServerInfo): QueryLanguage {
  if (server.major !== undefined) return server.major >= 2 ? 'flux' : 'influxql';
  return influx.bucket !== undefined ? 'flux' : 'influxql';
}

/** A bucket (Flux) or database (InfluxQL) is needed once the language is known: exit 2 naming it. */
function requireLocation(influx: InfluxConfig, language: QueryLanguage): void {
  if (influx.bucket !== undefined || influx.database !== undefined) return;
  throw new ConfigError([
    language === 'flux'
      ? { path: 'influxdb.bucket', message: 'is required for InfluxDB 2.x / Flux (INFLUXDB_BUCKET)' }
      : { path: 'influxdb.database', message: 'is required for InfluxDB 1.x / InfluxQL (INFLUXDB_DATABASE)' },
  ]);
}

/** 1.8's Flux endpoint names a database/retention-policy pair as the bucket. */
export function fluxBucket(influx: InfluxConfig): string {
  if (influx.bucket !== undefined) return influx.bucket;
  if (influx.database !== undefined)
    return influx.retention_policy !== undefined
      ? `${influx.database}/${influx.retention_policy}`
      : influx.database;
  throw new Error('influxdb.bucket is not set');
}

/** 2.x's InfluxQL endpoint maps a database name to a bucket (DBRP); the bucket name is the usual one. */
export function influxqlDatabase(influx: InfluxConfig): string {
  const db = influx.database ?? influx.bucket;
  if (db === undefined) throw new Error('influxdb.database is not set');
  return db;
}

function defaultTransports(influx: InfluxConfig): InfluxTransports {
  return {
    ping: () => pingInflux(influx.url, Math.min(influx.timeout_ms, 10_000)),
    flux: () =>
      createFluxTransport({
        url: influx.url,
        // InfluxDB 1.8 takes `username:password` where 2.x takes a token.
        token:
          influx.token ??
          (influx.username !== undefined ? `${influx.username}:${influx.password ?? ''}` : undefined),
        org: influx.org,
        timeoutMs: influx.timeout_ms,
        gzip: influx.gzip,
      }),
    influxql: () =>
      createInfluxQLTransport({
        url: influx.url,
        database: influxqlDatabase(influx),
        retentionPolicy: influx.retention_policy,
        username: influx.username,
        password: influx.password,
        token: influx.token,
        timeoutMs: influx.timeout_ms,
        gzip: influx.gzip,
      }),
  };
}
