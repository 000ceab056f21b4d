/**
 * A real Home Assistant core + frontend for integration and end-to-end tests: installed by
 * scripts/services/homeassistant.sh into a cached venv, started on a free localhost port with a fresh
 * config dir, onboarded by script, and handed back with a long-lived token.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { HassConfig } from 'home-assistant-js-websocket';
import { connectHomeAssistant } from './ha-socket.js';
import { CONFIGURED_DOMAINS, writeHomeAssistantConfig } from './home-assistant-config.js';
import { onboard, type OnboardingResult } from './home-assistant-onboarding.js';
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

export interface StartHomeAssistantOptions {
  /** YAML appended to configuration.yaml (top-level keys). */
  extraConfig?: string;
  /** Extra files in the config dir, e.g. `{ 'www/heatpump-cards.js': src, 'automations.yaml': yaml }`. */
  files?: Record<string, string>;
  /** Core config and user language (default `en`). */
  language?: string;
  /** IANA time zone (default `UTC`, so test timestamps need no conversion). */
  timeZone?: string;
  /** Bound for each wait (HTTP up, fully started); HA needs ~15-40 s on 2 cores. Default 120 s. */
  timeoutMs?: number;
}

/** Milliseconds from spawning `hass` to each milestone. */
export interface StartTimings {
  httpMs: number;
  /** Duration of the onboarding requests alone (0 on restart). */
  onboardingMs: number;
  /** Spawn to `get_config` state RUNNING. */
  runningMs: number;
}

export interface HomeAssistantInstance extends OnboardingResult {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  configDir: string;
  /** HA version reported by `get_config`, e.g. `2024.3.3`. */
  version: string;
  /** Log of the current process (a new file after each restart), under test-results/logs/. */
  readonly logFile: string;
  readonly timings: StartTimings;
  /** Stop HA and delete the config dir (kept when HA_KEEP_CONFIG=1). Safe to call twice. */
  stop(): Promise<void>;
  /** Stop and start again: same config dir, port and tokens. */
  restart(): Promise<StartTimings>;
}

const run = promisify(execFile);
const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts', 'services', 'homeassistant.sh');

let venvPromise: Promise<string> | undefined;

/** The venv with `hass`: $HA_VENV, else install (a no-op when cached) once per test process. */
export function homeAssistantVenv(): Promise<string> {
  const fromEnv = process.env.HA_VENV;
  if (fromEnv !== undefined && fromEnv !== '') return Promise.resolve(fromEnv);
  venvPromise ??= (async () => {
    try {
      // A cold install takes about a minute; CI runs it up front so tests only hit the cached path.
      await run('bash', [INSTALL_SCRIPT, 'install'], { timeout: 15 * 60_000, maxBuffer: 16 << 20 });
      const { stdout } = await run('bash', [INSTALL_SCRIPT, 'venv']);
      return stdout.trim();
    } catch (err) {
      venvPromise = undefined;
      const stderr = (err as { stderr?: string }).stderr ?? '';
      throw new Error(`Home Assistant install failed: ${(err as Error).message}\n${stderr}`, { cause: err });
    }
  })();
  return venvPromise;
}

/** Lines that mean the venv is incomplete or an integration did not load. */
const BAD_LOG_LINE =
  /Setup failed for|Error during setup of component|Unable to install package|Attempting install of/;

/**
 * Lines after which HA keeps running but never serves the configured instance: recovery mode
 * (broken YAML, say), or the port taken between getFreePort and HA binding it.
 */
const FATAL_LOG_LINE =
  /Activating recovery mode|Failed to parse configuration\.yaml|Failed to create HTTP server/;

/** Reject as soon as the log shows a fatal line, instead of waiting for the HTTP timeout. */
function watchLog(proc: LoggedProcess, pattern: RegExp): { failed: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    timer = setInterval(() => {
      const line = readFileSync(proc.logFile, 'utf8')
        .split('\n')
        .find((l) => pattern.test(l));
      if (line !== undefined) reject(new Error(line));
    }, 250);
  });
  failed.catch(() => undefined); // observed through Promise.race only
  return { failed, cancel: () => clearInterval(timer) };
}

class StartupError extends Error {}

function startupError(what: string, proc: LoggedProcess, configDir: string, cause?: unknown): Error {
  return new StartupError(
    `Home Assistant ${what} (config dir ${configDir}).\nLog ${proc.logFile}:\n${proc.tail(40)}`,
    { cause },
  );
}

async function waitUntilRunning(opts: {
  url: string;
  token: string;
  proc: LoggedProcess;
  configDir: string;
  deadline: number;
}): Promise<HassConfig> {
  const conn = await connectHomeAssistant({ url: opts.url, token: opts.token });
  try {
    for (;;) {
      const config = await conn.sendMessagePromise<HassConfig>({ type: 'get_config' });
      if (config.state === 'RUNNING') return config;
      if (opts.proc.exitInfo() !== undefined)
        throw startupError('exited while starting', opts.proc, opts.configDir);
      if (Date.now() > opts.deadline) {
        throw startupError(`still ${config.state} at the deadline`, opts.proc, opts.configDir);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    conn.close();
  }
}

function checkStarted(config: HassConfig, proc: LoggedProcess, configDir: string): void {
  const missing = CONFIGURED_DOMAINS.filter((d) => !config.components.includes(d));
  if (missing.length > 0) throw startupError(`did not load ${missing.join(', ')}`, proc, configDir);
  const bad = readFileSync(proc.logFile, 'utf8')
    .split('\n')
    .filter((line) => BAD_LOG_LINE.test(line));
  if (bad.length > 0) throw startupError(`logged setup problems:\n${bad.join('\n')}\n`, proc, configDir);
}

/** Start a fresh, onboarded Home Assistant. Throws with the log tail if it does not come up. */
export async function startHomeAssistant(
  opts: StartHomeAssistantOptions = {},
): Promise<HomeAssistantInstance> {
  const language = opts.language ?? 'en';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const venv = await homeAssistantVenv();
  const configDir = await makeTempDir('heatpump-ha');
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  await writeHomeAssistantConfig({
    configDir,
    port,
    language,
    timeZone: opts.timeZone ?? 'UTC',
    extraConfig: opts.extraConfig,
    files: opts.files,
  });

  let auth: OnboardingResult | undefined;
  let proc: LoggedProcess | undefined;

  const launch = async (): Promise<{ proc: LoggedProcess; timings: StartTimings; config: HassConfig }> => {
    const spawnedAt = Date.now();
    const child = spawnLogged({
      service: 'homeassistant',
      command: join(venv, 'bin', 'hass'),
      // --skip-pip: a missing requirement must fail loudly (checkStarted), never be fetched at runtime.
      args: ['--config', configDir, '--skip-pip', '--log-no-color'],
      // SUPERVISOR in the environment would make HA load the hassio integration.
      env: envWithout(/^SUPERVISOR/),
    });
    proc = child;
    const fatal = watchLog(child, FATAL_LOG_LINE);
    let httpMs: number | undefined;
    try {
      // The frontend's manifest is served as soon as HTTP is up (HA starts HTTP after the frontend).
      await Promise.race([
        waitForHttp(`${url}/manifest.json`, { timeoutMs, intervalMs: 250, process: child }),
        fatal.failed.catch((err: Error) => {
          throw startupError(`failed to start: ${err.message}`, child, configDir);
        }),
      ]);
      httpMs = Date.now() - spawnedAt;
      let onboardingMs = 0;
      if (auth === undefined) {
        const onboardStart = Date.now();
        auth = await onboard(url, language);
        onboardingMs = Date.now() - onboardStart;
      }
      const config = await waitUntilRunning({
        url,
        token: auth.token,
        proc: child,
        configDir,
        deadline: spawnedAt + timeoutMs,
      });
      checkStarted(config, child, configDir);
      return { proc: child, config, timings: { httpMs, onboardingMs, runningMs: Date.now() - spawnedAt } };
    } catch (err) {
      await child.stop(5_000);
      // waitForHttp's own error already carries the log tail.
      if (err instanceof StartupError || httpMs === undefined) throw err;
      // haws rejects with bare error codes (1 = cannot connect, 2 = invalid auth).
      const what = err instanceof Error ? err.message : `home-assistant-js-websocket error ${String(err)}`;
      throw startupError(`failed while starting: ${what}`, child, configDir, err);
    } finally {
      fatal.cancel();
    }
  };

  const stopProcess = async (): Promise<void> => {
    // HA's graceful stop writes the recorder queue and .storage; give it time before SIGKILL.
    await proc?.stop(30_000);
  };

  let first: Awaited<ReturnType<typeof launch>>;
  try {
    first = await launch();
  } catch (err) {
    // The log in test-results/ has what a post-mortem needs; HA_KEEP_CONFIG=1 keeps the dir too.
    if (process.env.HA_KEEP_CONFIG !== '1') await removeDir(configDir);
    throw err;
  }
  const authResult = auth as OnboardingResult | undefined;
  if (authResult === undefined) throw new Error('unreachable: onboarding result missing after start');
  let timings = first.timings;
  let stopped = false;

  return {
    ...authResult,
    url,
    port,
    configDir,
    version: first.config.version,
    get logFile(): string {
      return proc?.logFile ?? '';
    },
    get timings(): StartTimings {
      return timings;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await stopProcess();
      if (process.env.HA_KEEP_CONFIG !== '1') await removeDir(configDir);
    },
    async restart(): Promise<StartTimings> {
      if (stopped) throw new Error('restart() after stop()');
      await stopProcess();
      timings = (await launch()).timings;
      return timings;
    },
  };
}
