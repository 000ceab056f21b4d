/**
 * Child process of bench/bridge.ts (its own process so peak RSS is the bridge's, not the seeder's).
 * For one InfluxDB flavour: per range, the raw query alone (the floor: same query text over plain
 * HTTP, body read, nothing parsed) and the bridge cycle for that range (source fetch + parse +
 * map, computeSnapshot + state build, publish to the real HA); then the production Cycle itself.
 * Prints one JSON document on stdout.
 */
import { configSchema } from '../bridge/config/schema.js';
import { FLUX_DIALECT } from '../bridge/influx/flux-transport.js';
import { splitByCoverage } from '../bridge/influx/downsample-coverage.js';
import type { QueryRange } from '../bridge/influx/query-plan.js';
import { chooseWindow } from '../bridge/influx/window.js';
import { createLogger } from '../bridge/log/logger.js';
import { computeSnapshot } from '../bridge/pipeline/compute-snapshot.js';
import {
  createHaSession,
  createHaWriter,
  createInfluxSource,
  createStateBuilder,
  metricOptionsFor,
  providerFor,
} from '../bridge/pipeline/create-parts.js';
import { Cycle } from '../bridge/pipeline/cycle.js';
import { HaPublisher } from '../bridge/publish/ha-publisher.js';

interface WorkerInput {
  flavour: 'flux' | 'influxql';
  /** Reads through the downsampled copy (influxdb.downsample_*), filled first; no production rows. */
  copy: boolean;
  influxdb: Record<string, unknown>;
  ha: { url: string; token: string };
  now: number;
  ranges: { name: string; ms: number }[];
  warmup: number;
  repeats: number;
}

const input = JSON.parse(process.env.BENCH_INPUT ?? '{}') as WorkerInput;
const DAY = 86_400_000;
const config = configSchema.parse({
  brand: 'thermia',
  timezone: 'UTC',
  // A year read as one query (the raw floor) can near the 30 s default on a busy machine; the
  // bench measures it rather than time out.
  influxdb: { ...input.influxdb, language: input.flavour, timeout_ms: 120_000 },
  homeassistant: { url: input.ha.url, token: input.ha.token },
  log: { level: 'warn' },
});
const logger = createLogger({
  level: 'warn',
  destination: { write: (l: string) => void process.stderr.write(l) },
});
const source = createInfluxSource(config);
const session = createHaSession(config, logger, true);
// keepAliveMs 0: every publish writes every state, as before unchanged states were skipped (the
// per-range rows measure a one-shot cycle; the production rows below show both publishers).
const publisher = new HaPublisher({ writer: createHaWriter(config), session, logger, keepAliveMs: 0 });
const skippingPublisher = new HaPublisher({ writer: createHaWriter(config), session, logger });
const states = createStateBuilder(config);
const provider = providerFor(config);
const options = metricOptionsFor(config);

/** The window the production cycle picks for a span: fine (recent) up to 2 days, coarse beyond. */
function windowFor(spanMs: number): number {
  const to = input.now;
  return spanMs <= 2 * DAY
    ? chooseWindow({
        from: to - spanMs,
        to,
        minWindowMs: config.source.sample_interval_seconds * 1000,
        maxPoints: 3000,
      })
    : chooseWindow({ from: to - spanMs, to, minWindowMs: 5 * 60_000, maxPoints: 20_000 });
}

/**
 * The floor: the very query the source sends, over plain fetch, body read as bytes. Uncompressed,
 * as the transports ask by default: fetch would otherwise negotiate gzip, and InfluxDB compressing
 * and fetch inflating made this floor 40 % slower than the answer the bridge actually reads.
 */
async function rawQuery(from: number, to: number, windowMs: number): Promise<{ ms: number; bytes: number }> {
  const aligned = Math.floor(from / windowMs) * windowMs;
  const range = { from: aligned, to, windowMs };
  // With the copy: the same pieces the source reads (raw | copy | raw), each as one query.
  const pieces = splitByCoverage(range, source.downsampleCoverage, source.downsampleWindowMs ?? 1);
  let ms = 0;
  let bytes = 0;
  for (const piece of pieces) {
    const one = await pieceQuery(piece.range, piece.downsampled);
    ms += one.ms;
    bytes += one.bytes;
  }
  return { ms, bytes };
}

async function pieceQuery(range: QueryRange, downsampled: boolean): Promise<{ ms: number; bytes: number }> {
  const inf = config.influxdb;
  const query = source.queryFor(range, downsampled);
  const t0 = performance.now();
  let res: Response;
  if (query.language === 'flux') {
    res = await fetch(`${inf.url.replace(/\/$/, '')}/api/v2/query?org=${encodeURIComponent(inf.org ?? '')}`, {
      method: 'POST',
      headers: {
        authorization: `Token ${inf.token}`,
        'content-type': 'application/json',
        accept: 'text/csv',
        'accept-encoding': 'identity',
      },
      // The transport's own dialect, so the answer has the same size.
      body: JSON.stringify({ query: query.text, dialect: FLUX_DIALECT }),
    });
  } else {
    const params = new URLSearchParams({
      db: inf.database ?? '',
      epoch: 'ms',
      chunked: 'true',
      chunk_size: '10000',
      q: query.query.text,
    });
    res = await fetch(`${inf.url.replace(/\/$/, '')}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'identity' },
      body: params.toString(),
    });
  }
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`raw query ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

async function rangeCycle(spanMs: number) {
  const now = input.now;
  const windowMs = windowFor(spanMs);
  const t0 = performance.now();
  const fetched = await source.fetch({ from: now - spanMs, to: now, windowMs });
  const t1 = performance.now();
  const series = { series: fetched.series, windowMs };
  const snapshot = computeSnapshot({ now, recent: series, long: series, options, provider });
  const built = states.build(snapshot);
  const t2 = performance.now();
  const published = await publisher.publish(built);
  const t3 = performance.now();
  if (published.written === 0) throw new Error('nothing published');
  return {
    totalMs: t3 - t0,
    queryMs: t1 - t0,
    computeMs: t2 - t1,
    publishMs: t3 - t2,
    rows: fetched.rows,
    windowMs,
    entities: published.written,
  };
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

async function main() {
  await source.start();
  await session.start();
  await publisher.start();
  await skippingPublisher.start();
  const out: Record<string, unknown> = { flavour: input.flavour, copy: input.copy, ranges: [] as unknown[] };
  if (input.copy) out.downsample = await fillCopy();
  for (const r of input.ranges) {
    const raw: { ms: number; bytes: number }[] = [];
    const cyc: Awaited<ReturnType<typeof rangeCycle>>[] = [];
    const windowMs = windowFor(r.ms);
    // Long ranges take seconds per query: fewer runs there (the spread is reported either way).
    const [warmup, repeats] =
      r.ms >= 30 * DAY ? [1, Math.min(3, input.repeats)] : [input.warmup, input.repeats];
    // Interleaved so drift in machine load hits floor and cycle alike.
    for (let i = 0; i < warmup + repeats; i++) {
      const a = await rawQuery(input.now - r.ms, input.now, windowMs);
      const b = await rangeCycle(r.ms);
      if (i >= warmup) {
        raw.push(a);
        cyc.push(b);
      }
    }
    (out.ranges as unknown[]).push({
      range: r.name,
      windowMs,
      rows: cyc[0]?.rows,
      rawBytes: raw[0]?.bytes,
      rawMs: raw.map((x) => x.ms),
      cycleMs: cyc.map((x) => x.totalMs),
      queryMs: cyc.map((x) => x.queryMs),
      computeMs: cyc.map((x) => x.computeMs),
      publishMs: cyc.map((x) => x.publishMs),
      rssMiB: process.memoryUsage().rss / 2 ** 20,
    });
    process.stderr.write(
      `  ${input.flavour} ${r.name}: raw ${med(raw.map((x) => x.ms)).toFixed(1)} ms, cycle ${med(cyc.map((x) => x.totalMs)).toFixed(1)} ms\n`,
    );
  }
  if (input.copy) return finish(out);
  // The production Cycle as `run` wires it: recent (today + 24 h, fine) and long (season/31 d,
  // coarse). Before: the long range re-read in full and every state written on every cycle. After:
  // the long range brought up to date incrementally on every cycle (the worst case of `run`, which
  // does it every long_range_refresh_minutes) and unchanged states skipped; and recent only.
  const now = input.now;
  // fullRecent: the recent 25 h read in full every cycle (before fix 7); full: the long range too.
  const variants = [
    {
      label: 'before: full long re-read, all states written',
      full: true,
      fullRecent: true,
      longRefreshMs: 0,
      p: publisher,
    },
    {
      label: 'fixes 3-4: incremental long range each cycle',
      full: false,
      fullRecent: true,
      longRefreshMs: 0,
      p: skippingPublisher,
    },
    {
      label: 'fixes 3-4: recent only (no long refresh due)',
      full: false,
      fullRecent: true,
      longRefreshMs: 3_600_000_000,
      p: skippingPublisher,
    },
    {
      label: 'fix 7: incremental recent + long each cycle',
      full: false,
      fullRecent: false,
      longRefreshMs: 0,
      p: skippingPublisher,
    },
    {
      label: 'fix 7: incremental recent only',
      full: false,
      fullRecent: false,
      longRefreshMs: 3_600_000_000,
      p: skippingPublisher,
    },
  ];
  const production: Record<string, unknown> = {};
  for (const v of variants) {
    const [warmup, repeats] = [1, Math.min(5, input.repeats)];
    const n = warmup + repeats;
    let t = now - n * 30_000;
    const cycle = new Cycle({
      source,
      publisher: v.p,
      states,
      statistics: undefined,
      provider,
      metricOptions: options,
      sampleIntervalMs: config.source.sample_interval_seconds * 1000,
      longRefreshMs: v.longRefreshMs,
      ...(v.full ? { longFullRefreshMs: 0 } : {}),
      ...(v.fullRecent ? { recentFullRefreshMs: 0 } : {}),
      logger,
      now: () => t,
    });
    const ms: number[] = [];
    const split: unknown[] = [];
    const longRows: number[] = [];
    const recentRows: number[] = [];
    for (let i = 0; i < n; i++) {
      t += 30_000; // 30 s apart like the default interval, all inside the seeded data
      const t0 = performance.now();
      await cycle.run(new AbortController().signal);
      if (i >= warmup) {
        ms.push(performance.now() - t0);
        split.push(cycle.lastTimings);
        longRows.push(cycle.long.lastFetch?.rows ?? 0);
        recentRows.push(cycle.recent.lastFetch?.rows ?? 0);
      }
    }
    production[v.label] = { ms, split, longRows, recentRows };
    process.stderr.write(`  ${input.flavour} ${v.label}: ${med(ms).toFixed(1)} ms\n`);
  }
  out.production = production;
  await finish(out);
}

/** `run`'s upkeep of the copy, step after step until it is up to date (a year: 13 steps). */
async function fillCopy() {
  const steps: { ms: number; written: number; days: number }[] = [];
  const t0 = performance.now();
  for (;;) {
    const s0 = performance.now();
    const step = await source.downsample(Date.now());
    if (step === undefined) break;
    steps.push({
      ms: performance.now() - s0,
      written: step.written,
      days: (step.range.to - step.range.from) / DAY,
    });
  }
  const totalMs = performance.now() - t0;
  process.stderr.write(`  ${input.flavour} copy filled in ${steps.length} steps, ${totalMs.toFixed(0)} ms\n`);
  return { steps, totalMs, coverage: source.downsampleCoverage };
}

async function finish(out: Record<string, unknown>): Promise<void> {
  out.peakRssMiB = process.resourceUsage().maxRSS / 1024;
  await publisher.stop();
  await skippingPublisher.stop();
  await session.stop();
  await source.stop();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`worker failed: ${(e as Error).stack}\n`);
    process.exit(1);
  },
);
