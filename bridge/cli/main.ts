import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../../src/version.js';
import { registerDemoCommands } from '../demo/register-commands.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import type { BridgeConfig } from '../config/schema.js';
import { InfluxAuthError } from '../influx/influx-errors.js';
import { configSecrets, createLogger, type Logger } from '../log/logger.js';
import { HaAuthError } from '../publish/ha-rest.js';
import { MqttAuthError } from '../publish/mqtt-transport.js';
import { backfillCommand } from './backfill-command.js';
import { checkCommand } from './check-command.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { UsageError } from './usage.js';

interface GlobalOptions {
  config?: string;
  logLevel?: string;
}

/** Parses argv, runs one command and returns the exit code; never calls process.exit itself. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('heatpump-bridge')
    .description(
      'Reads heat pump data from InfluxDB, computes COP, runtime and energy flows, and publishes them to Home Assistant.',
    )
    .version(VERSION)
    .option(
      '-c, --config <path>',
      'YAML config file (default: $HEATPUMP_BRIDGE_CONFIG; every key can also come from env)',
    )
    .addOption(
      new Option('--log-level <level>', 'log level').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });

  /** Loads config and logger, runs the command, maps known errors to exit codes. */
  const withConfig =
    (fn: (config: BridgeConfig, logger: Logger, args: Record<string, unknown>) => Promise<number>) =>
    async (args: Record<string, unknown>): Promise<void> => {
      const globals = program.opts<GlobalOptions>();
      let config: BridgeConfig;
      try {
        config = await loadConfig({ path: globals.config, env: io.env });
      } catch (error) {
        if (error instanceof ConfigError) {
          io.stderr.write(`${error.message}\n`);
          exitCode = EXIT.config;
          return;
        }
        throw error;
      }
      const logger = createLogger({
        level: globals.logLevel ?? config.log.level,
        secrets: configSecrets(config),
        destination: io.stderr,
      });
      try {
        exitCode = await fn(config, logger, args);
      } catch (error) {
        exitCode = exitCodeFor(error);
        logger.fatal({ err: (error as Error).message }, 'stopped');
        io.stderr.write(`error: ${(error as Error).message}\n`);
      } finally {
        logger.flush();
      }
    };

  program
    .command('run')
    .description('publish to Home Assistant every interval until SIGINT/SIGTERM')
    .action(withConfig((config, logger) => runCommand({ config, logger, io })));
  program
    .command('check')
    .description('validate the config and test both connections, printing what was found')
    .action(withConfig((config, logger) => checkCommand(config, logger, io)));
  program
    .command('report')
    .description('print every period metric for a range, read from InfluxDB')
    .requiredOption('--from <iso>', 'range start, ISO 8601 (e.g. 2025-01-01 or 2025-01-01T06:00:00Z)')
    .option('--to <iso>', 'range end, ISO 8601 (default: now)')
    .option('--json', 'print the stable JSON document (docs/REPORT-JSON.md) instead of text')
    .action(
      withConfig((config, logger, opts) =>
        reportCommand({
          config,
          logger,
          io,
          from: opts.from as string,
          to: opts.to as string | undefined,
          json: opts.json === true,
        }),
      ),
    );
  program
    .command('backfill')
    .description('import hourly energy history from InfluxDB into Home Assistant long-term statistics')
    .requiredOption('--from <date>', 'first day to import, ISO 8601')
    .option('--to <date>', 'end (exclusive), ISO 8601 (default: now)')
    .option('--no-progress', 'no progress bar')
    .action(
      withConfig((config, logger, opts) =>
        backfillCommand({
          config,
          logger,
          io,
          from: opts.from as string,
          to: opts.to as string | undefined,
          progress: opts.progress !== false,
        }),
      ),
    );
  registerDemoCommands(program, { io, setExitCode: (code) => (exitCode = code) });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  return exitCode;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return EXIT.config;
  if (error instanceof InfluxAuthError || error instanceof HaAuthError || error instanceof MqttAuthError)
    return EXIT.auth;
  if (error instanceof UsageError) return EXIT.usage;
  return EXIT.failure;
}
