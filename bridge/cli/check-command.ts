import { ConfigError } from '../config/config-error.js';
import type { BridgeConfig } from '../config/schema.js';
import { InfluxAuthError } from '../influx/influx-errors.js';
import type { Logger } from '../log/logger.js';
import { HaAuthError } from '../publish/ha-rest.js';
import { createHaSession, createInfluxSource } from '../pipeline/create-parts.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/**
 * `heatpump-bridge check`: the config is valid (it loaded), then both connections are tried and
 * what was found is printed. Exit 0 only when both work; 3 when a service rejects the credentials.
 */
export async function checkCommand(config: BridgeConfig, logger: Logger, io: CliIo): Promise<number> {
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  out('config: ok');
  out(`  brand ${config.brand}, layout ${config.source.layout}, time zone ${config.timezone}`);
  let code: number = EXIT.ok;
  const fail = (error: unknown): void => {
    const auth = error instanceof InfluxAuthError || error instanceof HaAuthError;
    if (auth) code = EXIT.auth;
    else if (error instanceof ConfigError && code !== EXIT.auth) code = EXIT.config;
    else if (code === EXIT.ok) code = EXIT.failure;
  };

  const source = createInfluxSource(config);
  try {
    await source.start();
    const d = await source.describe();
    out(`influxdb: ok, ${d.server} at ${config.influxdb.url}`);
    out(`  ${d.location}`);
    out(`  roles found in the last 24 h: ${d.rolesFound.length > 0 ? d.rolesFound.join(', ') : '(none)'}`);
    for (const note of d.notes) out(`  note: ${note}`);
  } catch (error) {
    out(`influxdb: FAILED, ${(error as Error).message}`);
    fail(error);
  } finally {
    await source.stop();
  }

  if (config.homeassistant.token === undefined) {
    out('homeassistant: FAILED, no token (set HA_TOKEN, HA_TOKEN_FILE or homeassistant.token)');
    return code === EXIT.ok ? EXIT.failure : code;
  }
  const session = createHaSession(config, logger, false);
  try {
    await session.start();
    const user = await session.command<{ name?: string; is_admin?: boolean }>({ type: 'auth/current_user' });
    out(`homeassistant: ok, version ${session.haVersion ?? '?'} at ${config.homeassistant.url}`);
    out(`  user ${user.name ?? '?'}, admin: ${user.is_admin === true ? 'yes' : 'no'}`);
    if (user.is_admin !== true) {
      out('  the user must be an admin: HA only lets admins set states and import statistics');
      fail(new HaAuthError('not an admin user'));
    }
  } catch (error) {
    out(`homeassistant: FAILED, ${(error as Error).message}`);
    fail(error);
  } finally {
    await session.stop();
  }
  return code;
}
