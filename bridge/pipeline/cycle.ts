import type { BrandProvider } from '../../src/providers/index.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import type { Logger } from '../log/logger.js';
import type { Publisher } from '../publish/publisher.js';
import type { StateBuilder } from '../publish/state-builder.js';
import type { StatisticsImporter } from '../publish/statistics.js';
import type { SampleSource } from '../sources/sample-source.js';
import { computeSnapshot, optionsForWindow, type WindowedSeries } from './compute-snapshot.js';
import { HOUR, hourlyEnergy } from './hourly-energy.js';
import { HeldRange, longRangePlan, recentRangePlan } from './held-range.js';

export interface CycleOptions {
  source: SampleSource;
  publisher: Publisher;
  states: StateBuilder;
  statistics: StatisticsImporter | undefined;
  provider: BrandProvider;
  metricOptions: MetricOptions;
  /** Finest useful window: the logger's interval. */
  sampleIntervalMs: number;
  /** How often the long range is brought up to date (incrementally), ms. */
  longRefreshMs: number;
  /** How often the whole long range is read again (late-written data), ms; default 24 h. */
  longFullRefreshMs?: number;
  /** How often the whole recent range is read again, ms; default 15 min; 0 = every cycle. */
  recentFullRefreshMs?: number;
  logger: Logger;
  now?: () => number;
}

const DAY = 86_400_000;
/**
 * The recent range is brought up to date on every cycle by re-reading its last hour only (120
 * windows at 30 s, ~3,000 rows instead of ~55,000): that covers the COP-now window and a logger
 * that writes a buffered stretch after a short outage. It is read in full every
 * `recentFullRefreshMs` (config publish.recent_range_full_refresh_minutes, default 15), so data
 * written more than an hour late (a backfilled day) shows within that time.
 */
const RECENT_OVERLAP_MS = 3_600_000;
const RECENT_FULL_REFRESH_MS = 15 * 60_000;

/**
 * One bridge cycle: query (the recent 25 h at fine windows and the long range at coarse windows,
 * both held between cycles and brought up to date incrementally, see held-range.ts), compute,
 * publish states, import finished hours as long-term statistics.
 */
export class Cycle {
  private readonly options: CycleOptions;
  /** The long range; its lastFetch tells what the last cycle read of it. */
  readonly long: HeldRange;
  /** The recent range, read incrementally on every cycle. */
  readonly recent: HeldRange;
  private lastImportedHour = 0;
  /** Last cycle's duration split, for logs and the budget checks. */
  lastTimings: { queryMs: number; computeMs: number; publishMs: number } | undefined;

  constructor(options: CycleOptions) {
    this.options = options;
    const o = options.metricOptions;
    this.long = new HeldRange({
      source: options.source,
      plan: (now) => longRangePlan(now, o),
      refreshMs: options.longRefreshMs,
      ...(options.longFullRefreshMs !== undefined ? { fullRefreshMs: options.longFullRefreshMs } : {}),
    });
    this.recent = new HeldRange({
      source: options.source,
      plan: (now) => recentRangePlan(now, o, options.sampleIntervalMs),
      refreshMs: 0,
      fullRefreshMs: options.recentFullRefreshMs ?? RECENT_FULL_REFRESH_MS,
      overlapMs: RECENT_OVERLAP_MS,
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    const { logger, metricOptions: o } = this.options;
    const now = (this.options.now ?? Date.now)();
    const t0 = Date.now();
    const recent = await this.recent.update(now, signal);
    // Only an aborted first read leaves nothing held: the cycle is being stopped.
    if (recent === undefined) throw signal.reason ?? new Error('recent range read aborted');
    const long = await this.long.update(now, signal);
    const t1 = Date.now();
    const snapshot = computeSnapshot({
      now,
      recent,
      long,
      options: o,
      provider: this.options.provider,
    });
    const states = this.options.states.build(snapshot);
    const t2 = Date.now();
    const result = await this.options.publisher.publish(states);
    await this.importHours(recent.series, recent.windowMs, now);
    const t3 = Date.now();
    this.lastTimings = { queryMs: t1 - t0, computeMs: t2 - t1, publishMs: t3 - t2 };
    const longFetch = this.long.lastFetch;
    logger.info(
      {
        rows: this.recent.lastFetch?.rows ?? 0,
        recentRead: this.recent.lastFetch?.kind,
        ...(longFetch !== undefined ? { longRows: longFetch.rows, longRead: longFetch.kind } : {}),
        entities: result.written,
        skipped: result.skipped ?? 0,
        failed: result.failed,
        ...this.lastTimings,
      },
      'cycle published',
    );
    if (result.failed > 0 && result.written === 0) throw new Error('no state could be published');
  }

  private async importHours(series: WindowedSeries['series'], windowMs: number, now: number): Promise<void> {
    const statistics = this.options.statistics;
    if (statistics === undefined) return;
    const currentHour = Math.floor(now / HOUR) * HOUR;
    if (currentHour <= this.lastImportedHour) return;
    // The last 24 finished hours: idempotent re-import heals hours that got late data.
    const hours = hourlyEnergy(
      series,
      { from: currentHour - DAY, to: currentHour },
      optionsForWindow(this.options.metricOptions, windowMs),
    );
    try {
      await statistics.importHours(hours);
      this.lastImportedHour = currentHour;
    } catch (error) {
      this.options.logger.warn(
        { err: (error as Error).message },
        'statistics import failed; retrying next cycle',
      );
    }
  }
}
