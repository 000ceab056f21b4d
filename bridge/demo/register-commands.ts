import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../cli/usage.js';
import { InfluxAuthError } from '../influx/influx-errors.js';
import { demoCommand } from './demo-command.js';
import { simulateCommand } from './simulate-command.js';

export interface RegisterDemoCommandsOptions {
  io: CliIo;
  /** Receives the command's exit code (main() returns it). */
  setExitCode: (code: number) => void;
}

/**
 * Adds `demo` and `simulate` to the CLI. One call in bridge/cli/main.ts:
 *   registerDemoCommands(program, { io, setExitCode: (code) => (exitCode = code) });
 */
export function registerDemoCommands(program: Command, options: RegisterDemoCommandsOptions): void {
  const { io, setExitCode } = options;
  const guarded =
    (fn: (opts: Record<string, unknown>) => Promise<number>) =>
    async (opts: Record<string, unknown>): Promise<void> => {
      try {
        setExitCode(await fn(opts));
      } catch (error) {
        io.stderr.write(`error: ${(error as Error).message}\n`);
        setExitCode(exitCodeOf(error));
      }
    };
  const globals = (): { config?: string; logLevel?: string } =>
    program.opts<{ config?: string; logLevel?: string }>();

  program
    .command('demo')
    .description(
      'simulated heat pump + the bridge + the standalone dashboard on http://localhost:8050 (no other software needed)',
    )
    .addOption(
      new Option('--brand <brand>', 'simulated brand').choices(['thermia', 'ivt', 'nibe']).default('thermia'),
    )
    .addOption(new Option('--source <source>', 'heat source').choices(['ground', 'air']).default('ground'))
    .option('--seed <n>', 'simulation seed (same seed, same data)', toInt, 1)
    .option('--days <n>', 'days of simulated history', toInt, 400)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'dashboard port', toInt, 8050)
    .option('--token <token>', 'bearer token for the dashboard API (or DASHBOARD_TOKEN)')
    .option('--interval <seconds>', 'seconds between updates', toInt, 30)
    .option('--influx', 'read real data from the InfluxDB in the config instead of simulating')
    .option('--ha', 'also publish the sensors to the Home Assistant in the config')
    .action(
      guarded(async (opts) => {
        const useInflux = opts.influx === true;
        const publishToHa = opts.ha === true;
        const config =
          useInflux || publishToHa ? await loadConfig({ path: globals().config, env: io.env }) : undefined;
        return demoCommand({
          io,
          brand:
            config?.brand !== undefined && config.brand !== 'generic' && useInflux
              ? config.brand
              : (opts.brand as string),
          source: opts.source as string,
          seed: opts.seed as number,
          days: opts.days as number,
          host: opts.host as string,
          port: opts.port as number,
          token: (opts.token as string | undefined) ?? io.env.DASHBOARD_TOKEN,
          intervalSeconds: opts.interval as number,
          config,
          useInflux,
          publishToHa,
          logLevel: globals().logLevel,
        });
      }),
    );

  program
    .command('simulate')
    .description('write simulated heat pump data into InfluxDB (husdata or home-assistant layout)')
    .addOption(
      new Option('--brand <brand>', 'simulated brand').choices(['thermia', 'ivt', 'nibe']).default('thermia'),
    )
    .addOption(new Option('--source <source>', 'heat source').choices(['ground', 'air']).default('ground'))
    .option('--seed <n>', 'simulation seed', toInt, 1)
    .option('--days <n>', 'days to simulate, ending at --end', toNumber, 30)
    .option('--end <iso>', 'end of the simulated range (default: now)')
    .addOption(
      new Option('--layout <layout>', 'what to write')
        .choices(['husdata', 'home-assistant'])
        .default('husdata'),
    )
    .option('--entity-prefix <prefix>', 'home-assistant layout: entity object-id prefix (default: the brand)')
    .option('--to <url>', 'InfluxDB URL (or INFLUXDB_URL)')
    .option('--token <token>', '2.x API token (or INFLUXDB_TOKEN)')
    .option('--org <org>', '2.x organisation (or INFLUXDB_ORG)')
    .option('--bucket <bucket>', '2.x bucket (or INFLUXDB_BUCKET)')
    .option('--database <db>', '1.x database (instead of a bucket)')
    .option('--retention-policy <rp>', '1.x retention policy')
    .option('--username <user>', '1.x user')
    .option('--password <password>', '1.x password (or INFLUXDB_PASSWORD)')
    .option('--batch <lines>', 'lines per write request', toInt, 10_000)
    .option('--no-progress', 'no progress bar')
    .action(
      guarded(async (opts) => {
        const env = io.env;
        const url = (opts.to as string | undefined) ?? env.INFLUXDB_URL;
        if (url === undefined)
          throw new ConfigError([
            { path: '--to', message: 'the InfluxDB URL is required (--to or INFLUXDB_URL)' },
          ]);
        const database = opts.database as string | undefined;
        const bucket =
          database === undefined ? ((opts.bucket as string | undefined) ?? env.INFLUXDB_BUCKET) : undefined;
        if (database === undefined && bucket === undefined) {
          throw new ConfigError([
            { path: '--bucket', message: 'give --bucket (2.x API) or --database (1.x API)' },
          ]);
        }
        return simulateCommand({
          io,
          brand: opts.brand as string,
          source: opts.source as string,
          seed: opts.seed as number,
          days: opts.days as number,
          end: opts.end as string | undefined,
          layout: opts.layout as string,
          entityPrefix: opts.entityPrefix as string | undefined,
          target: {
            url,
            token: (opts.token as string | undefined) ?? env.INFLUXDB_TOKEN,
            org: (opts.org as string | undefined) ?? env.INFLUXDB_ORG,
            bucket,
            database,
            retentionPolicy: opts.retentionPolicy as string | undefined,
            username: opts.username as string | undefined,
            password: (opts.password as string | undefined) ?? env.INFLUXDB_PASSWORD,
          },
          batchLines: opts.batch as number,
          progress: opts.progress !== false,
        });
      }),
    );
}

/** Same mapping as bridge/cli/main.ts (not imported from there: main imports this file). */
function exitCodeOf(error: unknown): number {
  if (error instanceof ConfigError) return EXIT.config;
  if (error instanceof InfluxAuthError) return EXIT.auth;
  if (error instanceof UsageError) return EXIT.usage;
  return EXIT.failure;
}

function toInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`not an integer: ${value}`);
  return n;
}

function toNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`not a number: ${value}`);
  return n;
}
