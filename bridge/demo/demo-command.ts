import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { UsageError } from '../cli/usage.js';
import type { BridgeConfig } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import { runDemo } from './run-demo.js';

export interface DemoCommandOptions {
  io: CliIo;
  brand: string;
  source: string;
  seed: number;
  days: number;
  host: string;
  port: number;
  token?: string;
  intervalSeconds: number;
  /** Loaded only when --influx or --ha asks for real services. */
  config?: BridgeConfig;
  useInflux: boolean;
  publishToHa: boolean;
  logLevel?: string;
}

/** `heatpump-bridge demo`: runs until SIGINT/SIGTERM, then stops everything in reverse order. */
export async function demoCommand(o: DemoCommandOptions): Promise<number> {
  if (!['thermia', 'ivt', 'nibe'].includes(o.brand))
    throw new UsageError(`--brand must be thermia, ivt or nibe (got ${JSON.stringify(o.brand)})`);
  if (!['ground', 'air'].includes(o.source))
    throw new UsageError(`--source must be ground or air (got ${JSON.stringify(o.source)})`);
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)
    throw new UsageError('--port must be 0-65535');
  if (!(o.days >= 1 && o.days <= 800)) throw new UsageError('--days must be between 1 and 800');
  if (!(o.intervalSeconds >= 1 && o.intervalSeconds <= 3600))
    throw new UsageError('--interval must be 1-3600 seconds');
  if (o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1' && o.token === undefined) {
    o.io.stderr.write(
      `warning: the dashboard listens on ${o.host} without a token; anyone on the network can read it (set --token)\n`,
    );
  }
  const stopRequested = o.io.shutdownSignal();
  const demo = await runDemo({
    brand: o.brand as 'thermia',
    heatSource: o.source as 'ground',
    seed: o.seed,
    historyDays: o.days,
    host: o.host,
    port: o.port,
    token: o.token,
    updateIntervalSeconds: o.intervalSeconds,
    config: o.config,
    useInflux: o.useInflux,
    publishToHa: o.publishToHa,
    logger: createLogger({ level: o.logLevel ?? 'warn', secrets: [o.token], destination: o.io.stderr }),
    out: o.io.stdout,
  });
  await stopRequested;
  o.io.stdout.write('Stopping ...\n');
  await demo.stop();
  return EXIT.ok;
}
