import { createConnection, ERR_INVALID_AUTH, type Connection } from 'home-assistant-js-websocket';
import type { Logger } from '../log/logger.js';
import { HaAuthError, HaUnavailableError } from './ha-rest.js';
import { createHaSocket } from './ha-socket.js';
import { Heartbeat } from './heartbeat.js';

/** What the rest of the bridge needs from the HA WebSocket; tests use a fake. */
export interface HaCommands {
  command<T>(message: { type: string; [key: string]: unknown }): Promise<T>;
}

export interface HaSessionLike extends HaCommands {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Called after every (re)connect and when HA reports `homeassistant_started`. */
  onReady(listener: () => void): () => void;
  readonly connected: boolean;
  readonly haVersion: string | undefined;
}

export interface HaSessionOptions {
  url: string;
  token: string;
  heartbeatMs: number;
  timeoutMs: number;
  logger: Logger;
  /** `run` keeps trying while HA is down; `check`/`backfill` want the first error. */
  waitForHa: boolean;
}

/**
 * One authenticated WebSocket session (home-assistant-js-websocket over `ws`): reconnects with
 * haws's backoff, a ping watchdog forces a reconnect on a stalled socket (haws has no heartbeat),
 * and listeners hear about every reconnect and HA restart so states can be republished at once.
 */
export class HaSession implements HaSessionLike {
  private readonly options: HaSessionOptions;
  private readonly listeners = new Set<() => void>();
  private connection: Connection | undefined;
  private heartbeat: Heartbeat | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: HaSessionOptions) {
    this.options = options;
  }

  get connected(): boolean {
    return this.connection?.connected ?? false;
  }

  get haVersion(): string | undefined {
    return this.connection?.haVersion;
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
    } catch (error) {
      if (error instanceof HaAuthError || !this.options.waitForHa) throw error;
      this.options.logger.warn(
        { err: (error as Error).message },
        'Home Assistant not reachable; retrying in the background',
      );
      this.scheduleRetry(1);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeat?.stop();
    clearTimeout(this.retryTimer);
    this.heartbeat = undefined;
    this.retryTimer = undefined;
    this.connection?.close();
    this.connection = undefined;
  }

  onReady(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async command<T>(message: { type: string; [key: string]: unknown }): Promise<T> {
    if (this.connection === undefined) throw new HaUnavailableError('not connected to Home Assistant');
    try {
      return await this.connection.sendMessagePromise<T>(message);
    } catch (error) {
      throw toError(error, message.type);
    }
  }

  private async connect(): Promise<void> {
    const { url, token, timeoutMs, logger } = this.options;
    let conn: Connection;
    try {
      conn = await createConnection({
        setupRetry: 0,
        createSocket: () => createHaSocket({ url, token, timeoutMs }),
      });
    } catch (error) {
      if (error === ERR_INVALID_AUTH) throw new HaAuthError('auth_invalid on the WebSocket');
      throw new HaUnavailableError(`cannot connect to Home Assistant at ${url}`);
    }
    if (this.stopped) {
      conn.close();
      return;
    }
    this.connection = conn;
    logger.info({ haVersion: conn.haVersion }, 'connected to Home Assistant');
    conn.addEventListener('ready', () => {
      logger.info({ haVersion: conn.haVersion }, 'reconnected to Home Assistant');
      this.emitReady();
    });
    conn.addEventListener('disconnected', () =>
      logger.warn('disconnected from Home Assistant; reconnecting'),
    );
    conn.addEventListener('reconnect-error', () =>
      logger.error('Home Assistant rejected the token on reconnect; states are no longer published'),
    );
    await conn.subscribeEvents(() => {
      logger.info('Home Assistant started; republishing');
      this.emitReady();
    }, 'homeassistant_started');
    this.startHeartbeat(conn);
    this.emitReady();
  }

  private startHeartbeat(conn: Connection): void {
    this.heartbeat?.stop();
    this.heartbeat = new Heartbeat({
      connection: conn,
      intervalMs: this.options.heartbeatMs,
      logger: this.options.logger,
    });
    this.heartbeat.start();
  }

  private scheduleRetry(attempt: number): void {
    if (this.stopped) return;
    const delay = Math.min(attempt, 6) * 5_000;
    this.retryTimer = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        if (error instanceof HaAuthError) {
          this.options.logger.error({ err: error.message }, 'Home Assistant rejected the token');
          return;
        }
        this.scheduleRetry(attempt + 1);
      });
    }, delay);
  }

  private emitReady(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.options.logger.error({ err: (error as Error).message }, 'ready listener failed');
      }
    }
  }
}

/** haws rejects with bare numbers or `{code, message}` objects; give them a message. */
function toError(error: unknown, type: string): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'number') return new HaUnavailableError(`${type}: connection error ${error}`);
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { code?: string; message: string };
    return new Error(`${type} failed: ${e.code ?? 'error'}: ${e.message}`);
  }
  return new Error(`${type} failed: ${String(error)}`);
}
