/**
 * A real Mosquitto broker for the MQTT discovery tests: Debian's `mosquitto` (installed by
 * `bash scripts/services/mosquitto.sh install`), started in the foreground on a free localhost port
 * with a generated config, either anonymous or with one user in a password file (hashed by
 * `mosquitto_passwd`). Logs go to test-results/logs/.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  REPO_ROOT,
  describeExit,
  getFreePort,
  makeTempDir,
  removeDir,
  spawnLogged,
  type LoggedProcess,
} from './process.js';

const run = promisify(execFile);
const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts', 'services', 'mosquitto.sh');

export interface MosquittoOptions {
  /** With a user the broker refuses anonymous clients; without one it allows them. */
  user?: { username: string; password: string };
  /** Deadline for spawn -> port accepting connections (default 20 s). */
  startTimeoutMs?: number;
}

export interface MosquittoServer {
  /** `mqtt://127.0.0.1:<port>` */
  url: string;
  host: string;
  port: number;
  /** `mosquitto version 2.0.11`, from `mosquitto -h`. */
  version: string;
  readonly logFile: string;
  /** Stop the broker (retained messages are in memory only and go with it); safe to call twice. */
  stop(): Promise<void>;
  /** Stop and start again on the same port and config (retained messages are lost: no persistence). */
  restart(): Promise<void>;
}

let binaryPromise: Promise<string> | undefined;

/** The broker binary: $MOSQUITTO_BIN, else the install script's answer (installing if needed). */
export function mosquittoBinary(): Promise<string> {
  const fromEnv = process.env.MOSQUITTO_BIN;
  if (fromEnv !== undefined && fromEnv !== '') return Promise.resolve(fromEnv);
  binaryPromise ??= (async () => {
    try {
      await run('bash', [INSTALL_SCRIPT, 'install'], { timeout: 10 * 60_000 });
      const { stdout } = await run('bash', [INSTALL_SCRIPT, 'path']);
      return stdout.trim();
    } catch (err) {
      binaryPromise = undefined;
      const stderr = (err as { stderr?: string }).stderr ?? '';
      throw new Error(`Mosquitto install failed: ${(err as Error).message}\n${stderr}`, { cause: err });
    }
  })();
  return binaryPromise;
}

/** Resolves once a TCP connection to host:port succeeds; fails with the log tail if the broker exits. */
async function waitForPort(
  host: string,
  port: number,
  proc: LoggedProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = proc.exitInfo();
    if (info !== undefined)
      throw new Error(
        `mosquitto ${describeExit(info)} before listening.\nLog ${proc.logFile}:\n${proc.tail()}`,
      );
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`mosquitto not listening on ${host}:${port} after ${timeoutMs} ms.\n${proc.tail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startMosquitto(opts: MosquittoOptions = {}): Promise<MosquittoServer> {
  const binary = await mosquittoBinary();
  const dir = await makeTempDir('heatpump-mosquitto');
  const host = '127.0.0.1';
  const port = await getFreePort(host);
  const lines = [
    `listener ${port} ${host}`,
    // Everything to stderr, which the harness writes to the log file.
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    'connection_messages true',
    'persistence false',
  ];
  // Started as root (CI containers) mosquitto drops to the `mosquitto` user, which cannot read the
  // private temp dir; stay root there instead.
  if (process.getuid?.() === 0) lines.push('user root');
  if (opts.user !== undefined) {
    const passwordFile = join(dir, 'passwd');
    await writeFile(passwordFile, '', { mode: 0o600 });
    // Debian ships the broker in /usr/sbin and its tools in /usr/bin.
    const passwd = join(dirname(binary).replace(/sbin$/, 'bin'), 'mosquitto_passwd');
    await run(passwd, ['-b', passwordFile, opts.user.username, opts.user.password]);
    lines.push('allow_anonymous false', `password_file ${passwordFile}`);
  } else lines.push('allow_anonymous true');
  const configFile = join(dir, 'mosquitto.conf');
  await writeFile(configFile, `${lines.join('\n')}\n`);
  const { stdout } = await run(binary, ['-h']).catch((e: { stdout?: string }) => ({
    stdout: e.stdout ?? '',
  }));
  const version = stdout.split('\n')[0]?.trim() ?? 'unknown';

  let proc: LoggedProcess | undefined;
  const launch = async (): Promise<void> => {
    const child = spawnLogged({ service: 'mosquitto', command: binary, args: ['-c', configFile] });
    proc = child;
    try {
      await waitForPort(host, port, child, opts.startTimeoutMs ?? 20_000);
    } catch (err) {
      await child.stop(2_000);
      throw err;
    }
  };
  try {
    await launch();
  } catch (err) {
    await removeDir(dir);
    throw err;
  }
  let stopped = false;
  return {
    url: `mqtt://${host}:${port}`,
    host,
    port,
    version,
    get logFile() {
      return proc?.logFile ?? '';
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await proc?.stop(5_000);
      await removeDir(dir);
    },
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      await proc?.stop(5_000);
      await launch();
    },
  };
}
