/**
 * Generic helpers for integration-test harnesses that run real servers
 * (InfluxDB, Home Assistant, Mosquitto, ...) as child processes.
 *
 * - {@link getFreePort}: a localhost TCP port that was free a moment ago.
 * - {@link spawnLogged}: spawn a server with stdout+stderr written straight to
 *   `test-results/logs/<service>-<timestamp>.log` (kept after the run for CI
 *   artefacts and post-mortems) and killed when the test process exits.
 * - {@link waitForHttp}: poll an HTTP endpoint until it is ready, failing fast
 *   if the process dies, with the log tail in the error.
 * - {@link stopProcess}: SIGTERM, then SIGKILL after a grace period.
 * - {@link makeTempDir}/{@link removeDir}: data dirs, also swept at exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in test/harness/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where server logs go; CI can upload the whole test-results/ folder. */
export const LOG_DIR = join(REPO_ROOT, 'test-results', 'logs');

/**
 * Ask the kernel for an unused port by binding port 0, then release it.
 * Another process could grab it before the server binds; servers started
 * with it should retry with a new port on "address already in use".
 */
export async function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`getFreePort: unexpected server address ${String(address)}`));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

/**
 * A fresh temp directory (e.g. a server's data dir). Remove it with
 * {@link removeDir}; one still present when the process exits is deleted then.
 */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  liveTempDirs.add(dir);
  return dir;
}

/** Recursive delete that never throws for a missing dir. */
export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 3 });
  liveTempDirs.delete(path);
}

/** `test-results/logs/<service>-<timestamp>-<pid>-<n>.log`; creates the folder. */
export function newLogFile(service: string): string {
  mkdirSync(LOG_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // pid + counter keep parallel test files and repeated starts apart.
  return join(LOG_DIR, `${service}-${stamp}-${process.pid}-${++logCounter}.log`);
}
let logCounter = 0;

/** Last `lines` lines of a text file, or a note when it cannot be read. */
export function tailFile(path: string, lines = 30): string {
  if (!existsSync(path)) return `(no log file at ${path})`;
  const text = readFileSync(path, 'utf8').trimEnd();
  if (text === '') return '(log is empty)';
  return text.split('\n').slice(-lines).join('\n');
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the command could not be started at all (e.g. ENOENT). */
  spawnError?: string;
}

export interface LoggedProcess {
  readonly service: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Exit info, or undefined while running. */
  exitInfo(): ExitInfo | undefined;
  /** Last lines of the log, for error messages. */
  tail(lines?: number): string;
  /** SIGTERM, then SIGKILL after `graceMs`; safe to call twice. */
  stop(graceMs?: number): Promise<ExitInfo>;
}

export interface SpawnLoggedOptions {
  /** Short name used in the log file name and error messages. */
  service: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  /** Full environment for the child (defaults to this process's env). */
  env?: NodeJS.ProcessEnv;
}

// Children still running when the test process exits (crash, forgotten
// stop(), runner timeout or Ctrl-C) would outlive it and hold ports (Linux
// does not kill them for us), and their temp dirs would pile up in /tmp.
const liveChildren = new Set<ChildProcess>();
const liveTempDirs = new Set<string>();
const killAll = (): void => {
  for (const child of liveChildren) child.kill('SIGKILL');
  for (const dir of liveTempDirs) rmSync(dir, { recursive: true, force: true });
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    // Keep the default "die by this signal" unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/**
 * Spawn `command` with stdin closed and stdout+stderr appended to a new log
 * file. The file descriptor is handed to the child directly, so logging
 * works even while the event loop is busy and the log survives a crash.
 */
export function spawnLogged(opts: SpawnLoggedOptions): LoggedProcess {
  const logFile = newLogFile(opts.service);
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  let info: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolveExit) => {
    // 'error' fires instead of 'exit' when the binary cannot be spawned.
    child.once('error', (err) => {
      info ??= { code: null, signal: null, spawnError: `${opts.command}: ${err.message}` };
      liveChildren.delete(child);
      resolveExit(info);
    });
    child.once('exit', (code, signal) => {
      info = { code, signal };
      liveChildren.delete(child);
      resolveExit(info);
    });
  });
  liveChildren.add(child);
  const tail = (lines = 30): string => tailFile(logFile, lines);
  return {
    service: opts.service,
    child,
    pid: child.pid ?? -1,
    logFile,
    exited,
    exitInfo: () => info,
    tail,
    stop: async (graceMs = 10_000) => stopProcess(child, exited, graceMs),
  };
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL and wait for the exit. */
export async function stopProcess(
  child: ChildProcess,
  exited: Promise<ExitInfo>,
  graceMs = 10_000,
): Promise<ExitInfo> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), graceMs);
  });
  const first = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  child.kill('SIGKILL');
  return exited;
}

export interface WaitForHttpOptions {
  /** Overall deadline. */
  timeoutMs?: number;
  /** Pause between attempts. */
  intervalMs?: number;
  /** Which status counts as ready (default: any 2xx). */
  ready?: (status: number) => boolean;
  /** Fail at once, with its log tail, if this process exits meanwhile. */
  process?: LoggedProcess;
}

/**
 * Poll `url` with GET until `ready(status)`; returns the ready response.
 * Throws an Error naming the service, URL, last failure and log tail.
 */
export async function waitForHttp(url: string, opts: WaitForHttpOptions = {}): Promise<Response> {
  const { timeoutMs = 30_000, intervalMs = 50, ready = (s) => s >= 200 && s < 300 } = opts;
  const proc = opts.process;
  const name = proc?.service ?? 'server';
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt made';
  while (Date.now() < deadline) {
    const info = proc?.exitInfo();
    if (proc !== undefined && info !== undefined) {
      throw new Error(
        `${name} ${describeExit(info)} before ${url} was ready.\n` +
          `Log ${proc.logFile}, last lines:\n${proc.tail()}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.min(2_000, timeoutMs)) });
      if (ready(res.status)) return res;
      last = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (err) {
      last = err instanceof Error ? `${err.message}${causeText(err)}` : String(err);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const logPart = proc ? `\nLog ${proc.logFile}, last lines:\n${proc.tail()}` : '';
  throw new Error(`${name} not ready at ${url} after ${timeoutMs} ms (last: ${last}).${logPart}`);
}

/** "exited with code 1", "was killed by SIGKILL" or "could not start: ...". */
export function describeExit(info: ExitInfo): string {
  if (info.spawnError !== undefined) return `could not start (${info.spawnError})`;
  if (info.signal !== null) return `was killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}

function causeText(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}

/** Copy of `env` without keys matching `drop` (e.g. a server's own config vars). */
export function envWithout(drop: RegExp, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !drop.test(key)));
}
