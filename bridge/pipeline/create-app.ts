import type { BridgeConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { HaPublisher } from '../publish/ha-publisher.js';
import type { MqttConnect } from '../publish/mqtt-transport.js';
import { fanOut, type Publisher } from '../publish/publisher.js';
import type { StateWriter } from '../publish/ha-rest.js';
import type { HaSessionLike } from '../publish/ha-session.js';
import { StatisticsImporter } from '../publish/statistics.js';
import type { SampleSource } from '../sources/sample-source.js';
import { App, part } from './app.js';
import {
  createHaSession,
  createHaWriter,
  createInfluxSource,
  createMqttPublisher,
  createStateBuilder,
  metricOptionsFor,
  providerFor,
} from './create-parts.js';
import { Cycle } from './cycle.js';
import { createDownsampleTask } from './downsample-task.js';
import { Scheduler } from './scheduler.js';

export interface CreateAppOptions {
  config: BridgeConfig;
  logger: Logger;
  /** Defaults to InfluxDB from the config; the demo passes the simulator here. */
  source?: SampleSource;
  session?: HaSessionLike;
  writer?: StateWriter;
  /** MQTT client factory for `publish.via: mqtt|both`; tests pass a fake. */
  mqttConnect?: MqttConnect;
  /** Called once when a cycle fails in a way retrying cannot fix (rejected credentials). */
  onFatal?: (error: Error) => void;
}

export interface BridgeApp {
  app: App;
  cycle: Cycle;
  scheduler: Scheduler;
  publisher: Publisher;
  /** Absent only with `publish.via: mqtt` and no HA token (then no statistics import). */
  session: HaSessionLike | undefined;
  source: SampleSource;
  /** Upkeep of the downsampled copy; only with InfluxDB and influxdb.downsample_* set. */
  downsample: Scheduler | undefined;
}

/** Wires the `run` command: source -> HA session -> publisher -> scheduler (started in that order). */
export function createBridgeApp(options: CreateAppOptions): BridgeApp {
  const { config, logger } = options;
  const influxSource = options.source === undefined ? createInfluxSource(config) : undefined;
  const source = options.source ?? (influxSource as SampleSource);
  const via = config.publish.via;
  // MQTT alone needs HA's WebSocket only for statistics, and only when a token is configured.
  const needsSession =
    via !== 'mqtt' || (config.publish.statistics && config.homeassistant.token !== undefined);
  const session = options.session ?? (needsSession ? createHaSession(config, logger, true) : undefined);
  const publishers: Publisher[] = [];
  if (via !== 'mqtt' && session !== undefined)
    publishers.push(new HaPublisher({ writer: options.writer ?? createHaWriter(config), session, logger }));
  if (via !== 'rest') publishers.push(createMqttPublisher(config, logger, options.mqttConnect));
  const publisher =
    publishers.length === 1 && publishers[0] !== undefined ? publishers[0] : fanOut(publishers);
  const statistics =
    config.publish.statistics && session !== undefined
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
    longFullRefreshMs: config.publish.long_range_full_refresh_hours * 3_600_000,
    recentFullRefreshMs: config.publish.recent_range_full_refresh_minutes * 60_000,
    logger,
  });
  const scheduler = new Scheduler({
    name: 'publish',
    intervalMs: config.publish.interval_seconds * 1000,
    task: (signal) => cycle.run(signal),
    logger,
    isFatal: (error) => ['HaAuthError', 'InfluxAuthError', 'MqttAuthError'].includes(error.name),
    onFatal: options.onFatal,
  });
  const { downsample_bucket: bucket, downsample_retention_policy: rp } = config.influxdb;
  const downsample =
    influxSource !== undefined && (bucket !== undefined || rp !== undefined)
      ? createDownsampleTask(influxSource, logger)
      : undefined;
  const app = new App(
    [
      part('source', source),
      ...(session !== undefined ? [part('homeassistant', session)] : []),
      part('publisher', publisher),
      part('scheduler', scheduler),
      ...(downsample !== undefined ? [part('downsample', downsample)] : []),
    ],
    logger,
  );
  return { app, cycle, scheduler, publisher, session, source, downsample };
}
