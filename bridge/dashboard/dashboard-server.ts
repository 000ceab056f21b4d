import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.js';
import type { DashboardFeed } from './dashboard-feed.js';
import { createHttpHandler } from './http-routes.js';
import type { DashboardConfig } from './http-routes.js';
import { StaticBundle, findDashboardBundle } from './static-assets.js';
import { WsHub } from './ws-hub.js';

export const DEFAULT_DASHBOARD_PORT = 8050;
export const DASHBOARD_SOCKET_PATH = '/ws';

export interface DashboardServerOptions {
  feed: DashboardFeed;
  config: DashboardConfig;
  /** Default 127.0.0.1: the dashboard shows a home's data and is not meant for the network. */
  host?: string;
  /** Default 8050 (the original's port); 0 picks a free one. */
  port?: number;
  /** Optional bearer token for /api/* and the socket. */
  token?: string;
  updateIntervalMs?: number;
  requestBurst?: number;
  requestRefillMs?: number;
  /** Path of heatpump-dashboard.js; found beside the build when omitted. */
  bundlePath?: string;
  logger?: Logger;
  now?: () => number;
}

/** The standalone dashboard: HTTP routes and the WebSocket hub on one port. start()/stop(). */
export class DashboardServer {
  private server: Server | undefined;
  private hub: WsHub | undefined;
  private boundPort = 0;

  constructor(private readonly options: DashboardServerOptions) {}

  /** http://host:port/ once started. */
  get url(): string {
    const host = this.options.host ?? '127.0.0.1';
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.boundPort}/`;
  }

  get port(): number {
    return this.boundPort;
  }

  get connectedClients(): number {
    return this.hub?.clientCount ?? 0;
  }

  /** Pushes a graph_update to every client now (tests; the timer does it every interval). */
  async broadcast(): Promise<void> {
    await this.hub?.tick();
  }

  async start(): Promise<void> {
    if (this.server) return;
    const o = this.options;
    const hub = new WsHub({
      feed: o.feed,
      token: o.token,
      updateIntervalMs: o.updateIntervalMs ?? 30_000,
      requestBurst: o.requestBurst ?? 3,
      requestRefillMs: o.requestRefillMs ?? 5_000,
      logger: o.logger,
      now: o.now,
    });
    const bundle = new StaticBundle(findDashboardBundle(o.bundlePath));
    const server = createServer(
      createHttpHandler({ feed: o.feed, config: o.config, bundle, token: o.token, logger: o.logger }),
    );
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === DASHBOARD_SOCKET_PATH) hub.handleUpgrade(req, socket, head);
      else socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A restart comes back on the port clients know, also when the first start picked a free one.
      server.listen(this.boundPort || (o.port ?? DEFAULT_DASHBOARD_PORT), o.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as AddressInfo).port;
    hub.start();
    this.server = server;
    this.hub = hub;
  }

  async stop(): Promise<void> {
    const server = this.server;
    const hub = this.hub;
    this.server = undefined;
    this.hub = undefined;
    await hub?.stop();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
