import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Secret values (tokens, passwords) that must never reach the output, wherever they appear. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stderr by default so `report --json` keeps stdout clean. */
  destination?: { write(line: string): unknown };
  name?: string;
}

/** Field names whose values are replaced whatever they hold. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

const REDACTED = '[redacted]';

/**
 * pino with two layers of protection: structural redaction of known field names, and a
 * last-line scrub of the secret values themselves, because a token can also travel inside an
 * error message or URL that a library built.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const out = options.destination ?? process.stderr;
  const stream = {
    write(line: string): void {
      out.write(scrubSecrets(line, secrets));
    },
  };
  return pino(
    {
      name: options.name ?? 'heatpump-bridge',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    stream,
  );
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // JSON output escapes some characters; scrub the escaped spelling as well.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

export function configSecrets(config: {
  influxdb: { token?: string | undefined; password?: string | undefined };
  homeassistant: { token?: string | undefined };
  mqtt?: { password?: string | undefined };
}): string[] {
  return [
    config.influxdb.token,
    config.influxdb.password,
    config.homeassistant.token,
    config.mqtt?.password,
  ].filter((s): s is string => typeof s === 'string');
}
