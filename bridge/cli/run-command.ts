import type { BridgeConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { createBridgeApp } from '../pipeline/create-app.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/**
 * `heatpump-bridge run`: start every part, publish each interval, stop in reverse on SIGINT/SIGTERM.
 * Wrong credentials are fatal (exit 3), at start or when revoked later; a service that is down is retried.
 */
export async function runCommand(options: {
  config: BridgeConfig;
  logger: Logger;
  io: CliIo;
}): Promise<number> {
  const { config, logger, io } = options;
  // Credentials revoked while running end the process like a wrong token at start (exit 3).
  let onFatal: (error: Error) => void = () => undefined;
  const fatal = new Promise<Error>((resolve) => (onFatal = resolve));
  const { app } = createBridgeApp({ config, logger, onFatal });
  const stopRequested = io.shutdownSignal();
  await startWithRetry(app, logger, stopRequested);
  logger.info(
    { intervalSeconds: config.publish.interval_seconds, device: config.publish.device_slug },
    'bridge running',
  );
  const outcome = await Promise.race([stopRequested, fatal]);
  logger.info({ signal: outcome instanceof Error ? undefined : outcome }, 'stopping');
  await app.stop();
  if (outcome instanceof Error) throw outcome;
  logger.info('stopped');
  return EXIT.ok;
}

/** InfluxDB being down at boot is not fatal (DESIGN.md section 11); bad credentials are. */
async function startWithRetry(
  app: ReturnType<typeof createBridgeApp>['app'],
  logger: Logger,
  stopRequested: Promise<string>,
): Promise<void> {
  let stop = false;
  void stopRequested.then(() => (stop = true));
  for (let attempt = 1; ; attempt += 1) {
    try {
      await app.start();
      return;
    } catch (error) {
      const name = (error as Error).name;
      if (['InfluxAuthError', 'HaAuthError', 'MqttAuthError', 'ConfigError'].includes(name)) throw error;
      if (stop) return;
      const delay = Math.min(60_000, 2_000 * attempt);
      logger.warn({ err: (error as Error).message, retryInMs: delay }, 'start failed; retrying');
      await Promise.race([new Promise((r) => setTimeout(r, delay)), stopRequested]);
      // Asked to stop while waiting: nothing started, nothing to stop.
      if (stop) return;
    }
  }
}
