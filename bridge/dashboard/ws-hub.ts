import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import type { Logger } from '../log/logger.js';
import { isAuthorized } from './auth.js';
import type { DashboardFeed, DashboardPayload } from './dashboard-feed.js';
import {
  MAX_MESSAGE_BYTES,
  connectionStatusMessage,
  errorMessage,
  parseClientMessage,
  pongMessage,
} from './protocol.js';
import { DEFAULT_RANGE } from './ranges.js';
import type { DashboardRange } from './ranges.js';
import { TokenBucket } from './rate-limit.js';

export interface WsHubOptions {
  feed: DashboardFeed;
  token: string | undefined;
  /** graph_update broadcast interval, ms (default 30 s, as the original). */
  updateIntervalMs: number;
  /** request_update: burst and refill of the per-client token bucket. */
  requestBurst: number;
  requestRefillMs: number;
  logger: Logger | undefined;
  now?: () => number;
}

interface Client {
  socket: WebSocket;
  range: DashboardRange;
  requests: TokenBucket;
  alive: boolean;
}

/** Payloads of one range are shared by every client and request within this age, ms. */
const PAYLOAD_REUSE_MS = 2000;

/**
 * The WebSocket side of the dashboard: validates every frame, keeps a time range per client,
 * answers ping / change_time_range / request_update, and pushes a graph_update to every client
 * for its own range each interval. Dead connections are found with protocol-level pings.
 */
export class WsHub {
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private readonly payloads = new Map<DashboardRange, { at: number; payload: Promise<DashboardPayload> }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: WsHubOptions) {
    this.now = options.now ?? Date.now;
    // maxPayload makes `ws` close an oversize frame's socket with 1009 before it is buffered.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.updateIntervalMs);
    this.timer.unref();
  }

  /** Closes every client (1001 going away) and stops the broadcasts. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const c of this.clients) c.socket.close(1001, 'server shutting down');
    // Sockets that do not finish the closing handshake promptly are cut.
    await new Promise<void>((resolve) => setTimeout(resolve, 50).unref());
    for (const c of this.clients) c.socket.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** The http server's 'upgrade' handler for the dashboard's socket path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!isAuthorized(req, this.options.token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** One broadcast round: a graph_update to every client for its range. Also the timer's job. */
  async tick(): Promise<void> {
    const byRange = new Map<DashboardRange, Client[]>();
    for (const c of this.clients) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
      byRange.set(c.range, [...(byRange.get(c.range) ?? []), c]);
    }
    await Promise.all([...byRange].map(([range, clients]) => this.sendUpdate(range, clients)));
  }

  private onConnection(socket: WebSocket): void {
    const client: Client = {
      socket,
      range: DEFAULT_RANGE,
      requests: new TokenBucket(
        { capacity: this.options.requestBurst, refillMs: this.options.requestRefillMs },
        this.now(),
      ),
      alive: true,
    };
    this.clients.add(client);
    socket.on('pong', () => (client.alive = true));
    socket.on('message', (data, isBinary) => this.onMessage(client, data, isBinary));
    socket.on('close', () => this.clients.delete(client));
    socket.on('error', (error) =>
      this.options.logger?.debug({ err: error.message }, 'dashboard socket error'),
    );
    socket.send(connectionStatusMessage(client.range));
    void this.sendUpdate(client.range, [client]);
  }

  private onMessage(client: Client, data: RawData, isBinary: boolean): void {
    client.alive = true;
    if (isBinary) {
      client.socket.send(errorMessage('binary frames are not supported; send JSON text'));
      return;
    }
    const parsed = parseClientMessage(rawText(data));
    if (!parsed.ok) {
      client.socket.send(errorMessage(parsed.error));
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ping':
        client.socket.send(pongMessage(this.now()));
        return;
      case 'change_time_range':
        client.range = message.range;
        void this.sendUpdate(message.range, [client]);
        return;
      case 'request_update': {
        const waitMs = client.requests.take(this.now());
        if (waitMs > 0) {
          client.socket.send(
            errorMessage(`request_update is rate-limited; try again in ${Math.ceil(waitMs / 1000)} s`),
          );
          return;
        }
        void this.sendUpdate(message.range ?? client.range, [client]);
        return;
      }
    }
  }

  private async sendUpdate(range: DashboardRange, clients: readonly Client[]): Promise<void> {
    let text: string;
    try {
      const payload = await this.payloadFor(range);
      text = JSON.stringify({ type: 'graph_update', ...payload });
    } catch (error) {
      this.options.logger?.warn({ err: (error as Error).message, range }, 'dashboard update failed');
      text = errorMessage(`update failed: ${(error as Error).message}`);
    }
    for (const c of clients) if (c.socket.readyState === WebSocket.OPEN) c.socket.send(text);
  }

  private payloadFor(range: DashboardRange): Promise<DashboardPayload> {
    const now = this.now();
    const cached = this.payloads.get(range);
    if (cached && now - cached.at < PAYLOAD_REUSE_MS) return cached.payload;
    const payload = this.options.feed.payload(range);
    this.payloads.set(range, { at: now, payload });
    payload.catch(() => this.payloads.delete(range));
    return payload;
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
