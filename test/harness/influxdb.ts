/**
 * Real InfluxDB servers for integration tests, each on free localhost ports
 * with a throw-away data dir and a log under test-results/logs/.
 *
 * - startInfluxV2(): influxd 2.x (API v2 + Flux) built and cached by
 *   `bash scripts/services/influxdb2.sh install`, set up with a known token.
 * - startInfluxV1(): Debian's influxd 1.x (InfluxQL) installed by
 *   `bash scripts/services/influxdb1.sh install`, with a generated config.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  REPO_ROOT,
  envWithout,
  getFreePort,
  makeTempDir,
  removeDir,
  spawnLogged,
  waitForHttp,
  type LoggedProcess,
} from './process.js';

/** Fixed credentials: tests and docs can rely on them; nothing listens off-host. */
export const INFLUX_V2_DEFAULTS = {
  org: 'heatpump',
  bucket: 'heatpump',
  username: 'heatpump',
  password: 'heatpump-test-password',
  token: 'heatpump-test-admin-token',
} as const;

export interface InfluxV2Options {
  /** influxd binary; default: $INFLUXDB2_BIN or the script's cached build. */
  binary?: string;
  org?: string;
  bucket?: string;
  username?: string;
  password?: string;
  token?: string;
  /** Deadline for spawn → /health ready (default 60 s). */
  startTimeoutMs?: number;
  /** Extra influxd flags, e.g. ['--no-tasks']. */
  extraArgs?: readonly string[];
}

export interface InfluxV2Server {
  /** 'v2': a real InfluxDB 2.x (the only flavour this harness starts). */
  flavour: 'v2';
  url: string;
  token: string;
  org: string;
  orgID: string;
  bucket: string;
  bucketID: string;
  username: string;
  password: string;
  /** As the server reports it, e.g. "v2.7.12". */
  version: string;
  logFile: string;
  dataDir: string;
  pid: number;
  /** Spawn → /health ready, in ms. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface InfluxV1Options {
  /** influxd binary; default: $INFLUXDB1_BIN or /usr/bin/influxd. */
  binary?: string;
  /** Create this database once the server is up. */
  database?: string;
  startTimeoutMs?: number;
}

export interface InfluxV1Server {
  url: string;
  database?: string;
  /** As the server reports it (X-Influxdb-Version), e.g. "1.6.7~rc0". */
  version: string;
  logFile: string;
  dataDir: string;
  pid: number;
  startupMs: number;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Path of the cached influxd 2.x, asking the install script (single source of the pinned version). */
export function influxV2Binary(): string {
  const fromEnv = process.env['INFLUXDB2_BIN'];
  if (fromEnv) return fromEnv;
  return runServiceScript('influxdb2.sh');
}

export function influxV1Binary(): string {
  const fromEnv = process.env['INFLUXDB1_BIN'];
  if (fromEnv) return fromEnv;
  return runServiceScript('influxdb1.sh');
}

function runServiceScript(script: string): string {
  const path = join(REPO_ROOT, 'scripts', 'services', script);
  try {
    return execFileSync('bash', [path, 'path'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim() ?? String(err);
    throw new Error(`InfluxDB binary not available (${script} path): ${stderr}`, { cause: err });
  }
}

export async function startInfluxV2(opts: InfluxV2Options = {}): Promise<InfluxV2Server> {
  const binary = opts.binary ?? influxV2Binary();
  const creds = {
    org: opts.org ?? INFLUX_V2_DEFAULTS.org,
    bucket: opts.bucket ?? INFLUX_V2_DEFAULTS.bucket,
    username: opts.username ?? INFLUX_V2_DEFAULTS.username,
    password: opts.password ?? INFLUX_V2_DEFAULTS.password,
    token: opts.token ?? INFLUX_V2_DEFAULTS.token,
  };
  const server = await launchServer('influxdb2', opts.startTimeoutMs ?? 60_000, async (port, dataDir) => ({
    ready: `http://127.0.0.1:${port}/health`,
    proc: spawnLogged({
      service: 'influxdb2',
      command: binary,
      args: [
        `--http-bind-address=127.0.0.1:${port}`,
        `--bolt-path=${join(dataDir, 'influxd.bolt')}`,
        `--sqlite-path=${join(dataDir, 'influxd.sqlite')}`,
        `--engine-path=${join(dataDir, 'engine')}`,
        '--reporting-disabled',
        '--ui-disabled',
        '--pprof-disabled',
        ...(opts.extraArgs ?? []),
      ],
      // influxd reads config.{toml,yaml,json} from its cwd and INFLUXD_* vars:
      // an empty cwd and a scrubbed env keep a developer's setup out.
      cwd: dataDir,
      env: envWithout(/^INFLUXD_/),
    }),
  }));
  try {
    const setup = await influxV2Setup(server.url, creds);
    return { flavour: 'v2', ...server, ...creds, ...setup };
  } catch (err) {
    await server.stop();
    throw withLog(`influxdb2 setup at ${server.url} failed`, err, server.proc);
  }
}

/** Onboarding through POST /api/v2/setup (what `influx setup` does). */
async function influxV2Setup(
  url: string,
  c: { org: string; bucket: string; username: string; password: string; token: string },
): Promise<{ orgID: string; bucketID: string }> {
  const res = await fetch(`${url}/api/v2/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...c, retentionPeriodSeconds: 0 }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/v2/setup returned ${res.status}: ${text}`);
  const body = JSON.parse(text) as { org?: { id?: string }; bucket?: { id?: string } };
  return { orgID: body.org?.id ?? '', bucketID: body.bucket?.id ?? '' };
}

export async function startInfluxV1(opts: InfluxV1Options = {}): Promise<InfluxV1Server> {
  const binary = opts.binary ?? influxV1Binary();
  const server = await launchServer('influxdb1', opts.startTimeoutMs ?? 30_000, async (port, dataDir) => {
    const configFile = join(dataDir, `influxdb-${port}.conf`);
    await writeFile(configFile, influxV1Config(dataDir, port, await getFreePort()));
    return {
      ready: `http://127.0.0.1:${port}/ping`,
      proc: spawnLogged({
        service: 'influxdb1',
        command: binary,
        args: ['-config', configFile],
        cwd: dataDir,
        // INFLUXDB_* env vars override the config file; keep them out.
        env: envWithout(/^INFLUXDB_/),
      }),
    };
  });
  const v1: InfluxV1Server = {
    ...server,
    createDatabase: (name) => createInfluxV1Database(server.url, name),
  };
  if (opts.database !== undefined) {
    try {
      await v1.createDatabase(opts.database);
    } catch (err) {
      await server.stop();
      throw withLog(`influxdb1 CREATE DATABASE ${opts.database} failed`, err, server.proc);
    }
    v1.database = opts.database;
  }
  return v1;
}

/** All listeners on 127.0.0.1, all state under `dir`, nothing phoning home. */
function influxV1Config(dir: string, httpPort: number, rpcPort: number): string {
  const q = (s: string): string => JSON.stringify(s); // TOML basic string
  return `reporting-disabled = true
bind-address = ${q(`127.0.0.1:${rpcPort}`)}

[meta]
  dir = ${q(join(dir, 'meta'))}
  logging-enabled = false

[data]
  dir = ${q(join(dir, 'data'))}
  wal-dir = ${q(join(dir, 'wal'))}
  query-log-enabled = false

[monitor]
  store-enabled = false

[subscriber]
  enabled = false

[http]
  enabled = true
  bind-address = ${q(`127.0.0.1:${httpPort}`)}
  auth-enabled = false
  log-enabled = false
  pprof-enabled = false

[continuous_queries]
  log-enabled = false
`;
}

/** CREATE DATABASE over /query (idempotent in InfluxDB 1.x). */
export async function createInfluxV1Database(url: string, name: string): Promise<void> {
  const body = new URLSearchParams({ q: `CREATE DATABASE "${name.replace(/"/g, '\\"')}"` });
  const res = await fetch(`${url}/query`, { method: 'POST', body });
  const text = await res.text();
  if (!res.ok || text.includes('"error"')) {
    throw new Error(`CREATE DATABASE ${name} at ${url} returned ${res.status}: ${text}`);
  }
}

interface Launched {
  proc: LoggedProcess;
  url: string;
  dataDir: string;
  logFile: string;
  pid: number;
  startupMs: number;
  /** X-Influxdb-Version of the ready response. */
  version: string;
  /** Kill the server and delete its data dir; idempotent. */
  stop(): Promise<void>;
}

/**
 * Make a temp data dir, spawn on a free port and wait until `ready` answers
 * 2xx. The port can be taken between getFreePort() and the bind, so retry on
 * "address already in use". Cleans up after itself on failure.
 */
async function launchServer(
  service: string,
  timeoutMs: number,
  spawnOn: (port: number, dataDir: string) => Promise<{ proc: LoggedProcess; ready: string }>,
): Promise<Launched> {
  const dataDir = await makeTempDir(`heatpump-${service}`);
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    let proc: LoggedProcess | undefined;
    try {
      const spawned = await spawnOn(await getFreePort(), dataDir);
      proc = spawned.proc;
      const res = await waitForHttp(spawned.ready, { timeoutMs, process: proc });
      const startupMs = Math.round(performance.now() - t0);
      await res.body?.cancel();
      const running = proc;
      return {
        proc,
        url: new URL(spawned.ready).origin,
        dataDir,
        logFile: proc.logFile,
        pid: proc.pid,
        startupMs,
        version: res.headers.get('x-influxdb-version') ?? 'unknown',
        stop: once(async () => {
          await running.stop();
          await removeDir(dataDir);
        }),
      };
    } catch (err) {
      await proc?.stop(2_000);
      if (proc && attempt < 3 && /address already in use/i.test(proc.tail(50))) continue;
      await removeDir(dataDir);
      // waitForHttp's message already carries the log tail.
      throw withLog(`${service} failed to start`, err, undefined);
    }
  }
}

function withLog(what: string, err: unknown, proc: LoggedProcess | undefined): Error {
  const msg = err instanceof Error ? err.message : String(err);
  const log = proc ? `\nLog ${proc.logFile}, last lines:\n${proc.tail()}` : '';
  return new Error(`${what}: ${msg}${log}`, { cause: err });
}

/** Make stop() idempotent: tests call it in `after` and sometimes earlier. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}
