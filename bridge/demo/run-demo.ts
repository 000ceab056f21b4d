import { configSchema } from '../config/schema.js';
import type { BridgeConfig } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import type { Logger } from '../log/logger.js';
import { createBridgeApp } from '../pipeline/create-app.js';
import { createInfluxSource, metricOptionsFor, providerFor } from '../pipeline/create-parts.js';
import type { SampleSource } from '../sources/sample-source.js';
import { DashboardFeed } from '../dashboard/dashboard-feed.js';
import { DashboardServer, DEFAULT_DASHBOARD_PORT } from '../dashboard/dashboard-server.js';
import { DASHBOARD_RANGES, DEFAULT_RANGE } from '../dashboard/ranges.js';
import type { HeatSource, SimBrand } from '../../src/simulator/index.js';
import { VERSION } from '../../src/version.js';
import { localSession, localWriter } from './local-home-assistant.js';
import { SimulatorSource } from './simulator-source.js';

export interface DemoOptions {
  brand?: SimBrand;
  heatSource?: HeatSource;
  seed?: number;
  /** Simulated history, days (default 400). */
  historyDays?: number;
  host?: string;
  port?: number;
  token?: string;
  updateIntervalSeconds?: number;
  /** A loaded bridge config: with `useInflux` the data comes from its InfluxDB, with `publishToHa` states also go to its HA. */
  config?: BridgeConfig;
  useInflux?: boolean;
  publishToHa?: boolean;
  logger?: Logger;
  /** Where the friendly console lines go (stdout). */
  out?: { write(text: string): unknown };
  bundlePath?: string;
  now?: () => number;
}

export interface RunningDemo {
  url: string;
  server: DashboardServer;
  source: SampleSource;
  stop(): Promise<void>;
}

const FIRST_CYCLE_TIMEOUT_MS = 120_000;

/**
 * The zero-setup demo: the simulator as the bridge's source (or a real InfluxDB), the bridge's own
 * cycle computing every figure, and the standalone dashboard on http://localhost:8050. Resolves
 * once the page has data; stop() stops everything in reverse order.
 */
export async function runDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const out = options.out ?? { write: () => undefined };
  const config = options.config ?? demoConfig(options);
  const logger = options.logger ?? createLogger({ level: 'warn' });
  const brand = (config.brand === 'generic' ? 'thermia' : config.brand) as SimBrand;
  const source: SampleSource = options.useInflux
    ? createInfluxSource(config)
    : new SimulatorSource({
        brand,
        source: options.heatSource ?? 'ground',
        seed: options.seed ?? 1,
        historyDays: options.historyDays ?? 400,
        now: options.now,
        onProgress: progressPrinter(out),
      });
  const bridge = createBridgeApp({
    config,
    logger,
    source,
    ...(options.publishToHa ? {} : { session: localSession(), writer: localWriter() }),
  });
  const provider = providerFor(config);
  const feed = new DashboardFeed({
    source,
    provider,
    metricOptions: metricOptionsFor(config),
    deviceSlug: config.publish.device_slug,
    states: () => bridge.publisher.lastStates,
    sampleIntervalMs: config.source.sample_interval_seconds * 1000,
    now: options.now,
  });
  const server = new DashboardServer({
    feed,
    config: {
      brand: provider.id,
      display_name: provider.displayName,
      title: `${provider.displayName} heat pump`,
      device: config.publish.device_slug,
      version: VERSION,
      source: options.useInflux
        ? `InfluxDB ${config.influxdb.url}`
        : `simulator (${brand}, seed ${options.seed ?? 1})`,
      ranges: DASHBOARD_RANGES,
      default_range: DEFAULT_RANGE,
      update_interval_seconds: options.updateIntervalSeconds ?? 30,
      colors: { compressor: '#44739e', hot_water: '#c42e60', aux_heater: '#ff7f00', alarm: '#db4437' },
    },
    host: options.host ?? '127.0.0.1',
    port: options.port ?? DEFAULT_DASHBOARD_PORT,
    token: options.token,
    updateIntervalMs: (options.updateIntervalSeconds ?? 30) * 1000,
    bundlePath: options.bundlePath,
    logger,
    now: options.now,
  });

  out.write(
    options.useInflux
      ? `Reading ${config.brand} data from InfluxDB at ${config.influxdb.url} ...\n`
      : `Simulating ${options.historyDays ?? 400} days of a ${brand} ${options.heatSource ?? 'ground'}-source heat pump (seed ${options.seed ?? 1}) ...\n`,
  );
  const started = Date.now();
  await bridge.app.start();
  try {
    await waitFor(() => bridge.publisher.lastStates.length > 0, FIRST_CYCLE_TIMEOUT_MS);
    await server.start();
  } catch (error) {
    await server.stop();
    await bridge.app.stop();
    throw error;
  }
  const url = server.url.replace('127.0.0.1', 'localhost');
  out.write(
    `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Computing COP, runtime and energy flows every ${config.publish.interval_seconds} s.\n`,
  );
  if (options.publishToHa)
    out.write(`Publishing sensors to Home Assistant at ${config.homeassistant.url}.\n`);
  out.write(`\n  Open the dashboard: ${url}${options.token ? '#token=<your token>' : ''}\n\n`);
  out.write('Press Ctrl+C to stop.\n');
  return {
    url,
    server,
    source,
    stop: async () => {
      await server.stop();
      await bridge.app.stop();
    },
  };
}

/** Defaults for a demo without a config file: no statistics import (no HA), the machine's time zone. */
export function demoConfig(
  options: Pick<DemoOptions, 'brand' | 'heatSource' | 'updateIntervalSeconds'>,
): BridgeConfig {
  return configSchema.parse({
    brand: options.brand ?? 'thermia',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    publish: { statistics: false, interval_seconds: options.updateIntervalSeconds ?? 30 },
    metrics: { source_type: options.heatSource ?? 'ground' },
  });
}

function progressPrinter(out: { write(text: string): unknown }): (done: number, total: number) => void {
  let lastQuarter = 0;
  return (done, total) => {
    const quarter = Math.floor((4 * done) / total);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      out.write(`  ${done}/${total} days simulated\n`);
    }
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error('the bridge produced no figures within 2 minutes; see the log above');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
