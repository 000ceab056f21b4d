import { parse as parseYamlScalar } from 'yaml';

/**
 * Environment variables that override config keys.
 *
 * - The original system's names work unchanged, so its users only add HA_URL and HA_TOKEN.
 * - Any key: `HEATPUMP_BRIDGE__<SECTION>__<KEY>` (double underscore between levels), e.g.
 *   `HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS=60`. Values are read as YAML scalars, so
 *   numbers, booleans and `[a, b]` lists work.
 */
export const LEGACY_ENV: Readonly<Record<string, readonly string[]>> = {
  INFLUXDB_URL: ['influxdb', 'url'],
  INFLUXDB_TOKEN: ['influxdb', 'token'],
  INFLUXDB_TOKEN_FILE: ['influxdb', 'token_file'],
  INFLUXDB_ORG: ['influxdb', 'org'],
  INFLUXDB_BUCKET: ['influxdb', 'bucket'],
  INFLUXDB_DATABASE: ['influxdb', 'database'],
  INFLUXDB_USERNAME: ['influxdb', 'username'],
  INFLUXDB_PASSWORD: ['influxdb', 'password'],
  INFLUXDB_PASSWORD_FILE: ['influxdb', 'password_file'],
  HEATPUMP_BRAND: ['brand'],
  HA_URL: ['homeassistant', 'url'],
  HA_TOKEN: ['homeassistant', 'token'],
  HA_TOKEN_FILE: ['homeassistant', 'token_file'],
  TZ: ['timezone'],
};

export const GENERIC_PREFIX = 'HEATPUMP_BRIDGE__';

/** A value that must stay a string even if it looks like a number (tokens, passwords, names). */
const STRING_KEYS = new Set([
  'token',
  'password',
  'username',
  'org',
  'bucket',
  'database',
  'retention_policy',
  'downsample_bucket',
  'downsample_retention_policy',
  'url',
  'token_file',
  'password_file',
  'client_id',
  'discovery_prefix',
  'base_topic',
]);

/** Keys that are two spellings of one secret: setting one from the environment clears the other. */
const SECRET_TWINS: Readonly<Record<string, string>> = {
  token: 'token_file',
  token_file: 'token',
  password: 'password_file',
  password_file: 'password',
};

export interface EnvOverride {
  path: string[];
  value: unknown;
  origin: string;
}

export function collectEnvOverrides(env: NodeJS.ProcessEnv): EnvOverride[] {
  const out: EnvOverride[] = [];
  for (const [name, path] of Object.entries(LEGACY_ENV)) {
    const raw = env[name];
    // An empty variable is how compose files say "unset"; treat it so.
    if (raw === undefined || raw === '') continue;
    // TZ is often set to something like ":/etc/localtime" by base images; only take zone names.
    if (name === 'TZ' && !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(raw)) continue;
    out.push({ path: [...path], value: raw, origin: `env ${name}` });
  }
  // Generic names come after the legacy ones so they win when both are set.
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(GENERIC_PREFIX) || raw === undefined || raw === '') continue;
    const path = name
      .slice(GENERIC_PREFIX.length)
      .split('__')
      .map((p) => p.toLowerCase());
    if (path.some((p) => p === '')) continue;
    const last = path[path.length - 1] ?? '';
    out.push({ path, value: STRING_KEYS.has(last) ? raw : parseScalar(raw), origin: `env ${name}` });
  }
  return out;
}

/** Applies overrides to a plain object tree (mutates and returns it); records each key's origin. */
export function applyOverrides(
  tree: Record<string, unknown>,
  overrides: readonly EnvOverride[],
  origins: Map<string, string>,
): Record<string, unknown> {
  for (const { path, value, origin } of overrides) {
    let node = tree;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1] as string;
    node[last] = value;
    const twin = SECRET_TWINS[last];
    if (twin !== undefined && twin in node) {
      delete node[twin];
      origins.delete([...path.slice(0, -1), twin].join('.'));
    }
    origins.set(path.join('.'), origin);
  }
  return tree;
}

function parseScalar(raw: string): unknown {
  try {
    return parseYamlScalar(raw) as unknown;
  } catch {
    return raw;
  }
}
