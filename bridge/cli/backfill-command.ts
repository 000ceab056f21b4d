import { SingleBar } from 'cli-progress';
import type { BridgeConfig } from '../config/schema.js';
import { chooseWindow } from '../influx/window.js';
import type { Logger } from '../log/logger.js';
import { optionsForWindow } from '../pipeline/compute-snapshot.js';
import { createHaSession, createInfluxSource, metricOptionsFor } from '../pipeline/create-parts.js';
import { HOUR, hourlyEnergy } from '../pipeline/hourly-energy.js';
import { StatisticsImporter, type EnergySums } from '../publish/statistics.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseIsoTime, UsageError } from './usage.js';

export interface BackfillCommandOptions {
  config: BridgeConfig;
  logger: Logger;
  io: CliIo;
  from: string;
  to: string | undefined;
  progress: boolean;
}

const DAY = 86_400_000;

/**
 * `backfill --from DATE [--to DATE]`: hourly energy from InfluxDB into HA long-term statistics,
 * one day per query. Safe to re-run: the same hours get the same sums (see StatisticsImporter).
 */
export async function backfillCommand(options: BackfillCommandOptions): Promise<number> {
  const { config, logger, io } = options;
  const from = Math.floor(parseIsoTime(options.from, '--from') / HOUR) * HOUR;
  const to =
    Math.floor((options.to !== undefined ? parseIsoTime(options.to, '--to') : Date.now()) / HOUR) * HOUR;
  if (!(to > from)) throw new UsageError('--to must be at least one hour after --from');
  const source = createInfluxSource(config);
  const session = createHaSession(config, logger, false);
  await source.start();
  try {
    await session.start();
    const importer = new StatisticsImporter({
      commands: session,
      deviceSlug: config.publish.device_slug,
      deviceName: config.publish.device_name,
    });
    const days = Math.ceil((to - from) / DAY);
    const bar = options.progress
      ? new SingleBar({
          stream: io.stderr as NodeJS.WritableStream,
          format: 'backfill [{bar}] {value}/{total} days | {hours} hours',
        })
      : undefined;
    bar?.start(days, 0, { hours: 0 });
    let sums: EnergySums | undefined;
    let hoursImported = 0;
    const metricOptions = metricOptionsFor(config);
    for (let dayStart = from; dayStart < to; dayStart += DAY) {
      const dayEnd = Math.min(to, dayStart + DAY);
      // One hour before the day so the first hour starts with a held value, not a gap.
      const windowMs = chooseWindow({
        from: dayStart - HOUR,
        to: dayEnd,
        minWindowMs: config.source.sample_interval_seconds * 1000,
        maxPoints: 3000,
      });
      const result = await source.fetch({ from: dayStart - HOUR, to: dayEnd, windowMs });
      const hours = hourlyEnergy(
        result.series,
        { from: dayStart, to: dayEnd },
        optionsForWindow(metricOptions, windowMs),
      );
      const imported = await importer.importHours(hours, sums);
      sums = imported.sums;
      hoursImported += hours.length;
      bar?.increment(1, { hours: hoursImported });
    }
    bar?.stop();
    io.stdout.write(
      `backfill: ${hoursImported} hours imported from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}\n`,
    );
    logger.info({ hours: hoursImported }, 'backfill done');
    return EXIT.ok;
  } finally {
    await session.stop();
    await source.stop();
  }
}
