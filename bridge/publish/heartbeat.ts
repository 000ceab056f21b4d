import type { Logger } from '../log/logger.js';

/** The part of a haws Connection the watchdog needs; tests pass a fake. */
export interface PingableConnection {
  readonly connected: boolean;
  ping(): Promise<unknown>;
  /** haws: drop the socket and connect again (force: even if it looks open). */
  reconnect(force?: boolean): void;
}

export interface HeartbeatOptions {
  connection: PingableConnection;
  /** Ping every intervalMs; no pong within the same time forces a reconnect. */
  intervalMs: number;
  logger: Logger;
  /** Injected in tests; default the global timers. */
  timers?: HeartbeatTimers;
}

export interface HeartbeatTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: HeartbeatTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Ping watchdog for the HA WebSocket (haws has no heartbeat of its own). A half-open TCP
 * connection (HA host gone, NAT timeout) looks connected forever and never delivers events or
 * answers; a missing pong is the only way to notice, so it forces a reconnect. While the
 * connection is down no ping is sent: haws is reconnecting by itself then.
 */
export class Heartbeat {
  private readonly options: HeartbeatOptions;
  private readonly timers: HeartbeatTimers;
  private interval: unknown;
  private readonly pending = new Set<unknown>();
  private stopped = true;
  /** Reconnects this watchdog forced; for logs and tests. */
  forcedReconnects = 0;

  constructor(options: HeartbeatOptions) {
    this.options = options;
    this.timers = options.timers ?? GLOBAL_TIMERS;
  }

  start(): void {
    this.stopped = false;
    this.interval = this.timers.setInterval(() => this.beat(), this.options.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearInterval(this.interval);
    this.interval = undefined;
    for (const timer of this.pending) this.timers.clearTimeout(timer);
    this.pending.clear();
  }

  private beat(): void {
    const { connection, intervalMs, logger } = this.options;
    if (this.stopped || !connection.connected) return;
    let answered = false;
    const timer = this.timers.setTimeout(() => {
      this.pending.delete(timer);
      if (answered || this.stopped) return;
      this.forcedReconnects += 1;
      logger.warn({ timeoutMs: intervalMs }, 'Home Assistant did not answer a ping; forcing a reconnect');
      connection.reconnect(true);
    }, intervalMs);
    this.pending.add(timer);
    connection.ping().then(
      () => {
        answered = true;
        this.pending.delete(timer);
        this.timers.clearTimeout(timer);
      },
      // A lost connection rejects the ping; haws is already reconnecting then.
      () => {
        answered = true;
        this.pending.delete(timer);
        this.timers.clearTimeout(timer);
      },
    );
  }
}
