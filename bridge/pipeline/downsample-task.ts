import type { InfluxSource } from '../influx/influx-source.js';
import type { Logger } from '../log/logger.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';

/** Between two steps; a year's backfill (13 month-long steps) then takes about 13 minutes. */
export const DOWNSAMPLE_INTERVAL_MS = 60_000;

/**
 * Keeps the downsampled copy (docs/DOWNSAMPLING.md) in `run`: one step a minute, so the backfill
 * never competes with a publish cycle for long, and InfluxDB on a small host gets one month-long
 * aggregation at a time. A refused write (read-only token, no such bucket) stops the upkeep and
 * says so; reads keep using what the copy covers and the raw data beyond it.
 */
export function createDownsampleTask(
  source: Pick<InfluxSource, 'downsample'>,
  logger: Logger,
  timers: Pick<SchedulerOptions, 'setTimer' | 'clearTimer'> = {},
): Scheduler {
  return new Scheduler({
    ...timers,
    name: 'downsample',
    intervalMs: DOWNSAMPLE_INTERVAL_MS,
    // After the first publish cycle, which must not wait behind a month of aggregation.
    firstDelayMs: 10_000,
    task: async () => {
      const step = await source.downsample(Date.now());
      if (step === undefined) return;
      logger.info(
        {
          from: new Date(step.range.from).toISOString(),
          to: new Date(step.range.to).toISOString(),
          written: step.written,
          covers: `${new Date(step.coverage.from).toISOString()} .. ${new Date(step.coverage.to).toISOString()}`,
        },
        'downsampled copy updated',
      );
    },
    logger,
    isFatal: (error) => error.name === 'InfluxAuthError' || error.name === 'InfluxQueryError',
    onFatal: (error) =>
      logger.error(
        { err: error.message },
        'downsampled copy no longer kept up (check write access to influxdb.downsample_bucket / downsample_retention_policy); long ranges read the copy as far as it goes and raw data beyond',
      ),
  });
}
