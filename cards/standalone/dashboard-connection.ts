import type { ServerMessage } from './wire.js';

/** WebSocket.OPEN; a literal so the class also runs where WebSocket is not a global (Node 20 tests). */
const OPEN = 1;

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface DashboardConnectionOptions {
  /** ws:// or wss:// URL of the dashboard socket (token already in the query when needed). */
  url: string;
  onMessage(message: ServerMessage): void;
  onState(state: ConnectionState): void;
  /** First and longest reconnect delay, ms (doubling in between). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Application-level ping, so a proxy that drops idle sockets does not. */
  pingMs?: number;
  socketFactory?: (url: string) => WebSocket;
}

/**
 * The page's one WebSocket: reconnects with exponential backoff (1 s, 2 s, 4 s ... 30 s, reset on
 * success), reports connecting / connected / disconnected for the indicator, and re-sends the
 * chosen time range after every reconnect so the server pushes the right range again.
 */
export class DashboardConnection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private range: string | undefined;

  constructor(private readonly options: DashboardConnectionOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000, 'page closed');
  }

  /** Remembers the range and tells the server (now, or right after the next connect). */
  setRange(range: string): void {
    this.range = range;
    this.send({ type: 'change_time_range', range });
  }

  requestUpdate(): void {
    this.send({ type: 'request_update' });
  }

  /** Delay before reconnect attempt n (0-based), ms. */
  delayFor(attempt: number): number {
    const min = this.options.minDelayMs ?? 1000;
    return Math.min(this.options.maxDelayMs ?? 30_000, min * 2 ** attempt);
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    this.options.onState('connecting');
    const socket = (this.options.socketFactory ?? ((url) => new WebSocket(url)))(this.options.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.options.onState('connected');
      if (this.range !== undefined) this.send({ type: 'change_time_range', range: this.range });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), this.options.pingMs ?? 25_000);
    });
    socket.addEventListener('message', (event) => {
      try {
        this.options.onMessage(JSON.parse(String(event.data)) as ServerMessage);
      } catch {
        // A frame we cannot read is not worth dropping the connection for.
      }
    });
    // A failed connect is followed by 'close', which schedules the retry; nothing to do here.
    socket.addEventListener('error', () => undefined);
    socket.addEventListener('close', () => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.options.onState('disconnected');
      if (this.stopped) return;
      this.retryTimer = setTimeout(() => this.open(), this.delayFor(this.attempt));
      this.attempt += 1;
    });
  }
}
