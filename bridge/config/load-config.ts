import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { applyOverrides, collectEnvOverrides } from './env-overrides.js';
import { configSchema, type BridgeConfig } from './schema.js';
import { fileMode, inlineSecretKeys, secretFileModeWarning } from './secret-file-mode.js';

export interface LoadConfigOptions {
  /** YAML file; optional, since everything can come from the environment. */
  path?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Injected for tests; reads secret files. */
  readTextFile?: (path: string) => Promise<string>;
  /** Receives non-fatal warnings (a world-readable file with secrets); default: stderr. */
  onWarning?: (message: string) => void;
  /** Injected for tests; the config file's mode bits. */
  readFileMode?: (path: string) => Promise<number | undefined>;
}

/** Env var that names the config file when --config is not given. */
export const CONFIG_PATH_ENV = 'HEATPUMP_BRIDGE_CONFIG';

/**
 * Loads, merges (defaults < file < environment), validates and resolves secrets.
 * Throws ConfigError naming every bad key; never returns a half-valid config.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<BridgeConfig> {
  const env = options.env ?? process.env;
  const read = options.readTextFile ?? ((p: string) => readFile(p, 'utf8'));
  const path = options.path ?? (env[CONFIG_PATH_ENV] || undefined);
  const origins = new Map<string, string>();

  let tree: Record<string, unknown> = {};
  if (path !== undefined) {
    tree = await readYamlFile(path, read);
    const mode = await (options.readFileMode ?? fileMode)(path);
    const warning =
      mode === undefined
        ? undefined
        : secretFileModeWarning({ path, mode, secretKeys: inlineSecretKeys(tree) });
    if (warning) (options.onWarning ?? ((m: string) => process.stderr.write(`${m}\n`)))(warning);
  }

  applyOverrides(tree, collectEnvOverrides(env), origins);
  applySupervisorDefaults(tree, env, origins);

  const parsed = configSchema.safeParse(tree, { reportInput: true });
  if (!parsed.success) throw new ConfigError(toProblems(parsed.error, origins, path));
  return resolveSecrets(parsed.data, read);
}

async function readYamlFile(
  path: string,
  read: (p: string) => Promise<string>,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    throw new ConfigError([{ path: '', message: `cannot read config file ${path}: ${errorCode(error)}` }]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ConfigError([{ path: '', message: `${path} is not valid YAML${where}` }]);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new ConfigError([{ path: '', message: `${path} must hold a mapping of keys, not ${typeof doc}` }]);
  return doc as Record<string, unknown>;
}

/**
 * Inside the Home Assistant add-on the Supervisor hands us a token and a proxy URL.
 * Used only when no HA token is configured, so an explicit setting always wins.
 */
function applySupervisorDefaults(
  tree: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  origins: Map<string, string>,
): void {
  const supervisorToken = env.SUPERVISOR_TOKEN;
  if (!supervisorToken) return;
  const ha = (tree.homeassistant ??= {}) as Record<string, unknown>;
  if (ha.token !== undefined || ha.token_file !== undefined) return;
  ha.token = supervisorToken;
  origins.set('homeassistant.token', 'env SUPERVISOR_TOKEN');
  if (ha.url === undefined) {
    ha.url = 'http://supervisor/core';
    origins.set('homeassistant.url', 'env SUPERVISOR_TOKEN');
  }
}

function toProblems(
  error: z.ZodError,
  origins: Map<string, string>,
  file: string | undefined,
): ConfigProblem[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    // Unknown keys are reported one by one, each with its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'unknown key (check the spelling; every key is listed in docs/CONFIGURATION.md)',
        origin: origins.get(base ? `${base}.${key}` : key) ?? file,
      }));
    }
    const origin = origins.get(base) ?? (file !== undefined ? file : undefined);
    return [{ path: base, message: describeIssue(issue), ...(origin !== undefined ? { origin } : {}) }];
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) return `is required (expected ${issue.expected})`;
    return `expected ${issue.expected}, got ${Array.isArray(input) ? 'array' : typeof input}`;
  }
  if (issue.code === 'invalid_value')
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

async function resolveSecrets(
  config: BridgeConfig,
  read: (p: string) => Promise<string>,
): Promise<BridgeConfig> {
  const fromFile = async (path: string, key: string): Promise<string> => {
    let text: string;
    try {
      text = await read(path);
    } catch (error) {
      throw new ConfigError([{ path: key, message: `cannot read secret file ${path}: ${errorCode(error)}` }]);
    }
    // Docker secrets and `echo token > file` leave a trailing newline that is not part of the token.
    const value = text.trim();
    if (value === '') throw new ConfigError([{ path: key, message: `secret file ${path} is empty` }]);
    return value;
  };
  const influx = { ...config.influxdb };
  if (influx.token_file !== undefined)
    influx.token = await fromFile(influx.token_file, 'influxdb.token_file');
  if (influx.password_file !== undefined)
    influx.password = await fromFile(influx.password_file, 'influxdb.password_file');
  const ha = { ...config.homeassistant };
  if (ha.token_file !== undefined) ha.token = await fromFile(ha.token_file, 'homeassistant.token_file');
  const mqtt = { ...config.mqtt };
  if (mqtt.password_file !== undefined)
    mqtt.password = await fromFile(mqtt.password_file, 'mqtt.password_file');
  return { ...config, influxdb: influx, homeassistant: ha, mqtt };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.message : String(error);
}
