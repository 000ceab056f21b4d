/**
 * What the bridge would have published had it been running for the past days: its own cycle
 * (bridge/pipeline/cycle.ts) with the clock set to each past instant, reading the same InfluxDB
 * data, publishing into a recorder instead of Home Assistant. The result seeds HA's history
 * (recorder-seed.ts) so the cards have days to draw, as on a real installation.
 *
 * InfluxDB is queried once at the finest window; each cycle's request is then answered from memory
 * with the same window aggregation the database does (bridge/sources/aggregate.ts).
 */
import type { BridgeConfig } from '../../../bridge/config/schema.js';
import { createLogger } from '../../../bridge/log/logger.js';
import {
  createInfluxSource,
  createStateBuilder,
  metricOptionsFor,
  providerFor,
} from '../../../bridge/pipeline/create-parts.js';
import { Cycle } from '../../../bridge/pipeline/cycle.js';
import { HaPublisher } from '../../../bridge/publish/ha-publisher.js';
import type { HaSessionLike } from '../../../bridge/publish/ha-session.js';
import type { EntityState } from '../../../bridge/publish/state-builder.js';
import { aggregateSamples } from '../../../bridge/sources/aggregate.js';
import type { FetchRequest, FetchResult, SampleSource } from '../../../bridge/sources/sample-source.js';
import { emptyIssueCounts, type SeriesByRole } from '../../../src/model/index.js';

/** One published state at a past instant (epoch ms). */
export interface TimedState extends EntityState {
  t: number;
}

/** Serves any window over [from, to) from one fine-window query. */
class PreloadedSource implements SampleSource {
  readonly kind = 'preloaded';
  private series: SeriesByRole = {};

  constructor(
    private readonly inner: SampleSource,
    private readonly range: { from: number; to: number; windowMs: number },
  ) {}

  async start(): Promise<void> {
    await this.inner.start();
    const result = await this.inner.fetch(this.range);
    this.series = result.series;
    await this.inner.stop();
  }

  async stop(): Promise<void> {}

  async fetch(req: FetchRequest): Promise<FetchResult> {
    const windowMs = Math.max(req.windowMs, this.range.windowMs);
    const series = aggregateSamples(this.series, { from: req.from, to: req.to, windowMs });
    return { series, rows: 0, issues: emptyIssueCounts(), unmappedKeys: [] };
  }

  async describe() {
    return { kind: this.kind, server: 'memory', location: 'memory', rolesFound: [], notes: [] };
  }
}

const noSession: HaSessionLike = {
  start: async () => undefined,
  stop: async () => undefined,
  onReady: () => () => undefined,
  command: async () => {
    throw new Error('replay has no Home Assistant session');
  },
  connected: false,
  haVersion: undefined,
};

/**
 * States the bridge configured by `config` publishes every `stepMs` in [from, to), only the
 * ones that changed (state or attributes), as HA records them. `dataFrom` is where InfluxDB data
 * starts (the cycle looks back 24 h and more).
 */
export async function replayBridge(opts: {
  config: BridgeConfig;
  dataFrom: number;
  from: number;
  to: number;
  /** Time to the next cycle: the publish interval of the bridge that "ran" then. */
  stepMs: number | ((t: number) => number);
}): Promise<TimedState[]> {
  const { config } = opts;
  const windowMs = config.source.sample_interval_seconds * 1000;
  const source = new PreloadedSource(createInfluxSource(config), {
    from: opts.dataFrom,
    to: opts.to,
    windowMs,
  });
  await source.start();
  const logger = createLogger({ level: 'silent' });
  let now = opts.from;
  const out: TimedState[] = [];
  const last = new Map<string, string>();
  const publisher = new HaPublisher({
    session: noSession,
    logger,
    concurrency: 1,
    writer: {
      async write(state) {
        const key = JSON.stringify([state.state, state.attributes]);
        if (last.get(state.entity_id) === key) return;
        last.set(state.entity_id, key);
        out.push({ ...state, t: now });
      },
    },
  });
  const cycle = new Cycle({
    source,
    publisher,
    states: createStateBuilder(config),
    statistics: undefined,
    provider: providerFor(config),
    metricOptions: metricOptionsFor(config),
    sampleIntervalMs: windowMs,
    longRefreshMs: config.publish.long_range_refresh_minutes * 60_000,
    logger,
    now: () => now,
  });
  const signal = new AbortController().signal;
  const step = typeof opts.stepMs === 'number' ? () => opts.stepMs as number : opts.stepMs;
  for (now = opts.from; now < opts.to; now += step(now)) await cycle.run(signal);
  return out;
}
