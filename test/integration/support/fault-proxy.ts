/**
 * A fault-injecting HTTP + WebSocket proxy for reliability tests: it sits on its own localhost port
 * in front of a real server (InfluxDB, Home Assistant) and can delay requests, answer with an error
 * instead of forwarding, stall upgraded WebSocket connections without closing them, cut every open
 * connection, or stop listening altogether ("the server is not up"). It records every request it
 * saw, with the body, so tests can count retries and read the query text the server received.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { getFreePort } from '../../harness/process.js';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** Request body as text (queries are small). */
  body: string;
  /** Epoch ms when the proxy got it. */
  at: number;
  /** Status the client got: upstream's, an injected one, or 0 when the connection was cut. */
  status: number;
}

export class FaultProxy {
  /** Milliseconds every HTTP request waits before it is forwarded (a slow server). */
  delayMs = 0;
  /** Every HTTP request seen (WebSocket upgrades are counted in `upgrades`). */
  readonly requests: ProxiedRequest[] = [];
  upgrades = 0;
  /** Called for each request before it is forwarded; may arm faults for it. */
  onRequest: ((req: ProxiedRequest) => void) | undefined;
  private readonly target: URL;
  private readonly server: Server;
  private readonly sockets = new Set<Duplex>();
  private failures: { count: number; status: number; body: string } = { count: 0, status: 500, body: '' };
  private stalled = false;
  private readonly stalledSockets = new Set<Duplex>();
  private listening = false;

  private constructor(
    target: string,
    readonly port: number,
  ) {
    this.target = new URL(target);
    this.server = createServer((req, res) => void this.forward(req, res));
    this.server.on('upgrade', (req, socket, head) => this.tunnel(req, socket, head));
    this.server.on('connection', (socket) => this.track(socket));
    // Keep-alive connections must not keep close() waiting.
    this.server.keepAliveTimeout = 1_000;
  }

  /** A proxy to `target` (`http://host:port`) on a free port; listening unless `listen: false`. */
  static async start(target: string, opts: { listen?: boolean } = {}): Promise<FaultProxy> {
    const proxy = new FaultProxy(target, await getFreePort());
    if (opts.listen !== false) await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Start accepting connections (again) on the same port. */
  async listen(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
  }

  /** Stop listening and cut every connection: to clients the server is gone (connection refused). */
  async unlisten(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.cut();
    await closed;
  }

  /** The next `count` HTTP requests are answered with `status` without reaching the server. */
  failNext(count: number, status = 500, body = '{"code":"internal error","message":"injected fault"}'): void {
    this.failures = { count, status, body };
  }

  /**
   * While stalled, bytes on upgraded (WebSocket) connections are swallowed in both directions and
   * the sockets stay open: a half-open connection. Ending the stall destroys those connections,
   * whose frame streams are broken by then; HTTP requests are not affected.
   */
  stall(on: boolean): void {
    this.stalled = on;
    if (!on) {
      for (const s of this.stalledSockets) s.destroy();
      this.stalledSockets.clear();
    }
  }

  /** Destroy every open connection (HTTP keep-alive and WebSocket) at once. */
  cut(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Requests to paths starting with `prefix` since `since` (epoch ms). */
  count(prefix: string, since = 0): number {
    return this.requests.filter((r) => r.path.startsWith(prefix) && r.at >= since).length;
  }

  async close(): Promise<void> {
    this.stall(false);
    await this.unlisten();
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // A cut connection errors on the other side; nothing to report.
    socket.on('error', () => undefined);
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
      status: 0,
    };
    this.requests.push(record);
    this.onRequest?.(record);
    if (this.failures.count > 0) {
      this.failures.count -= 1;
      record.status = this.failures.status;
      res.writeHead(this.failures.status, { 'content-type': 'application/json' });
      res.end(this.failures.body);
      return;
    }
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (res.destroyed) return; // the client gave up while we waited
    const upstream = httpRequest(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.target.host },
      },
      (answer) => {
        record.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(Buffer.concat(chunks));
  }

  /** WebSocket upgrade: a raw TCP tunnel after re-sending the handshake (without compression). */
  private tunnel(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.upgrades += 1;
    const upstream: Socket = connect(Number(this.target.port), this.target.hostname);
    this.track(upstream);
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      // No permessage-deflate: frames stay readable and the tunnel stays dumb.
      if (/^sec-websocket-extensions$/i.test(name)) continue;
      lines.push(`${name}: ${/^host$/i.test(name) ? this.target.host : req.rawHeaders[i + 1]}`);
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    const pipe = (from: Duplex, to: Duplex): void => {
      from.on('data', (chunk: Buffer) => {
        if (this.stalled) {
          this.stalledSockets.add(from);
          this.stalledSockets.add(to);
          return;
        }
        to.write(chunk);
      });
      from.on('close', () => to.destroy());
    };
    pipe(socket, upstream);
    pipe(upstream, socket);
  }
}
