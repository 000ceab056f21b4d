import type { BridgeConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { HaPublisher } from '../publish/ha-publisher.js';
import type { StateWriter } from '../publish/ha-rest.js';
import type { HaSessionLike } from '../publish/ha-session.js';
import { StatisticsImporter } from '../publish/statistics.js';
import type { SampleSource } from '../sources/sample-source.js';
import { App, part } from './app.js';
import {
  createHaSession,
  createHaWriter,
  createInfluxSource,
  createStateBuilder,
  metricOptionsFor,
  providerFor,
} from './create-parts.js';
import { Cycle } from './cycle.js';
import { Scheduler } from './scheduler.js';

export interface CreateAppOptions {
  config: BridgeConfig;
  logger: Logger;
  /** Defaults to InfluxDB from the config; the demo passes the simulator here. */
  source?: SampleSource;
  session?: HaSessionLike;
  writer?: StateWriter;
}

export interface BridgeApp {
  app: App;
  cycle: Cycle;
  scheduler: Scheduler;
  publisher: HaPublisher;
  session: HaSessionLike;
  source: SampleSource;
}

/** Wires the `run` command: source -> HA session -> publisher -> scheduler (started in that order). */
export function createBridgeApp(options: CreateAppOptions): BridgeApp {
  const { config, logger } = options;
  const source = options.source ?? createInfluxSource(config);
  const session = options.session ?? createHaSession(config, logger, true);
  const writer = options.writer ?? createHaWriter(config);
  const publisher = new HaPublisher({ writer, session, logger });
  const statistics = config.publish.statistics
    ? new StatisticsImporter({
        commands: session,
        deviceSlug: config.publish.device_slug,
        deviceName: config.publish.device_name,
      })
    : undefined;
  const cycle = new Cycle({
    source,
    publisher,
    states: createStateBuilder(config),
    statistics,
    provider: providerFor(config),
    metricOptions: metricOptionsFor(config),
    sampleIntervalMs: config.source.sample_interval_seconds * 1000,
    longRefreshMs: config.publish.long_range_refresh_minutes * 60_000,
    logger,
  });
  const scheduler = new Scheduler({
    name: 'publish',
    intervalMs: config.publish.interval_seconds * 1000,
    task: (signal) => cycle.run(signal),
    logger,
  });
  const app = new App(
    [
      part('source', source),
      part('homeassistant', session),
      part('publisher', publisher),
      part('scheduler', scheduler),
    ],
    logger,
  );
  return { app, cycle, scheduler, publisher, session, source };
}
