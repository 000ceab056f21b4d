/**
 * The bridge in-process through its composition root (bridge/pipeline/create-app.ts), configured
 * as a user would configure it for one pump: an InfluxDB 2.x bucket in the husdata layout, a brand,
 * a device slug, a Home Assistant URL and token. Logs go to a file under test-results/logs/.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, type BridgeConfig } from '../../../bridge/config/schema.js';
import { createLogger } from '../../../bridge/log/logger.js';
import { createBridgeApp, type BridgeApp } from '../../../bridge/pipeline/create-app.js';
import type { SimBrand } from '../../../src/simulator/index.js';
import type { HomeAssistantInstance } from '../../harness/home-assistant.js';
import type { InfluxV2Server } from '../../harness/influxdb.js';
import { LOG_DIR } from '../../harness/process.js';

export interface PumpSetup {
  brand: SimBrand;
  bucket: string;
  /** Entity ids are `<kind>.<device>_<metric>`. */
  device: string;
  deviceName: string;
}

export function bridgeConfig(opts: {
  pump: PumpSetup;
  influx: InfluxV2Server;
  ha: HomeAssistantInstance;
  intervalSeconds?: number;
}): BridgeConfig {
  return configSchema.parse({
    brand: opts.pump.brand,
    timezone: 'UTC',
    influxdb: {
      url: opts.influx.url,
      token: opts.influx.token,
      org: opts.influx.org,
      bucket: opts.pump.bucket,
      language: 'flux',
    },
    homeassistant: { url: opts.ha.url, token: opts.ha.token, heartbeat_seconds: 5 },
    publish: {
      interval_seconds: opts.intervalSeconds ?? 5,
      // The tests write whole days of past data at once (a backfill): re-read the recent 25 h in
      // full every minute instead of every 15, so the figures follow within the tests' timeouts.
      recent_range_full_refresh_minutes: 1,
      device_slug: opts.pump.device,
      device_name: opts.pump.deviceName,
      // The live cycle imports its last 24 h into the external statistics; the energy test uses
      // `backfill` for that, the dashboard tests leave them to it as a user's bridge would.
      statistics: true,
    },
  });
}

export interface RunningBridge extends BridgeApp {
  config: BridgeConfig;
  logFile: string;
  /** Resolves after `n` more cycles have completed (cycles counted by the scheduler). */
  cycles(n?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startBridge(config: BridgeConfig): Promise<RunningBridge> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(
    LOG_DIR,
    `bridge-${config.publish.device_slug}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`,
  );
  const logger = createLogger({
    level: 'info',
    secrets: [config.homeassistant.token, config.influxdb.token],
    destination: { write: (line: string) => appendFileSync(logFile, line) },
  });
  const app = createBridgeApp({ config, logger });
  await app.app.start();
  let stopped = false;
  return {
    ...app,
    config,
    logFile,
    async cycles(n = 1, timeoutMs = 60_000) {
      const target = app.scheduler.cycles + n;
      const deadline = Date.now() + timeoutMs;
      while (app.scheduler.cycles < target) {
        if (Date.now() > deadline) {
          throw new Error(
            `bridge ${config.publish.device_slug}: ${n} cycle(s) not done in ${timeoutMs} ms; log ${logFile}`,
          );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.app.stop();
    },
  };
}
