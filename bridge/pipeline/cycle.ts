import type { BrandProvider } from '../../src/providers/index.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import { periodRange } from '../../src/metrics/periods.js';
import { chooseWindow } from '../influx/window.js';
import type { Logger } from '../log/logger.js';
import type { Publisher } from '../publish/publisher.js';
import type { StateBuilder } from '../publish/state-builder.js';
import type { StatisticsImporter } from '../publish/statistics.js';
import type { SampleSource } from '../sources/sample-source.js';
import { computeSnapshot, optionsForWindow, type WindowedSeries } from './compute-snapshot.js';
import { HOUR, hourlyEnergy } from './hourly-energy.js';
import { LongRange } from './long-range.js';

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
  logger: Logger;
  now?: () => number;
}

const DAY = 86_400_000;

/**
 * One bridge cycle: query (recent at fine windows; the long range at coarse windows, brought up to
 * date every longRefreshMs, see long-range.ts), compute, publish states, import finished hours as
 * long-term statistics.
 */
export class Cycle {
  private readonly options: CycleOptions;
  /** The long range; its lastFetch tells what the last cycle read of it. */
  readonly long: LongRange;
  private lastImportedHour = 0;
  /** Last cycle's duration split, for logs and the budget checks. */
  lastTimings: { queryMs: number; computeMs: number; publishMs: number } | undefined;

  constructor(options: CycleOptions) {
    this.options = options;
    this.long = new LongRange({
      source: options.source,
      metricOptions: options.metricOptions,
      refreshMs: options.longRefreshMs,
      ...(options.longFullRefreshMs !== undefined ? { fullRefreshMs: options.longFullRefreshMs } : {}),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    const { source, logger, metricOptions: o } = this.options;
    const now = (this.options.now ?? Date.now)();
    const t0 = Date.now();
    const today = periodRange('today', now, o.timeZone, o.heatingSeason);
    const recentFrom = Math.min(today.from, now - DAY) - HOUR;
    const recentWindow = chooseWindow({
      from: recentFrom,
      to: now,
      minWindowMs: this.options.sampleIntervalMs,
      maxPoints: 3000,
    });
    const recent = await source.fetch({ from: recentFrom, to: now, windowMs: recentWindow, signal });
    const long = await this.long.update(now, signal);
    const t1 = Date.now();
    const snapshot = computeSnapshot({
      now,
      recent: { series: recent.series, windowMs: recentWindow },
      long,
      options: o,
      provider: this.options.provider,
    });
    const states = this.options.states.build(snapshot);
    const t2 = Date.now();
    const result = await this.options.publisher.publish(states);
    await this.importHours(recent.series, recentWindow, now);
    const t3 = Date.now();
    this.lastTimings = { queryMs: t1 - t0, computeMs: t2 - t1, publishMs: t3 - t2 };
    const longFetch = this.long.lastFetch;
    logger.info(
      {
        rows: recent.rows,
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
