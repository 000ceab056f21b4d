import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocketServer, type WebSocket } from 'ws';
import { createLogger } from '../../../bridge/log/logger.js';
import { HaSession } from '../../../bridge/publish/ha-session.js';

/**
 * A minimal Home Assistant WebSocket endpoint: auth handshake, subscribe_events, ping. `stalled`
 * makes it swallow pings without closing the socket, like a half-open TCP connection.
 */
class FakeHaServer {
  readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  connections = 0;
  stalled = false;
  readonly sockets = new Set<WebSocket>();

  constructor(private readonly token: string) {
    this.server.on('connection', (ws) => {
      this.connections += 1;
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'auth_required', ha_version: '2024.3.3' }));
      ws.on('message', (data) => this.onMessage(ws, JSON.parse(data.toString()) as Record<string, unknown>));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private onMessage(ws: WebSocket, msg: Record<string, unknown>): void {
    if (msg.type === 'auth') {
      const ok = msg.access_token === this.token;
      ws.send(JSON.stringify(ok ? { type: 'auth_ok', ha_version: '2024.3.3' } : { type: 'auth_invalid' }));
      if (!ok) ws.close();
    } else if (msg.type === 'ping') {
      if (!this.stalled) ws.send(JSON.stringify({ id: msg.id, type: 'pong' }));
    } else if (msg.id !== undefined) {
      ws.send(JSON.stringify({ id: msg.id, type: 'result', success: true, result: null }));
    }
  }

  close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HaSession against a fake HA WebSocket', () => {
  let ha: FakeHaServer;
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (l: string) => lines.push(l) } });

  before(async () => {
    ha = new FakeHaServer('good-token');
    await new Promise<void>((resolve) => ha.server.once('listening', () => resolve()));
  });
  after(async () => {
    await ha.close();
  });

  it('a stalled socket (pings unanswered) is replaced by a new connection and listeners hear of it', async () => {
    const session = new HaSession({
      url: ha.url,
      token: 'good-token',
      heartbeatMs: 150,
      timeoutMs: 2_000,
      logger,
      waitForHa: false,
    });
    let ready = 0;
    session.onReady(() => (ready += 1));
    await session.start();
    try {
      assert.equal(session.connected, true);
      assert.equal(session.haVersion, '2024.3.3');
      assert.equal(ready, 1, 'ready once after the first connect');
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(ha.connections, 1, 'answered pings keep the one connection');
      ha.stalled = true;
      await until('a forced reconnect', () => ha.connections >= 2);
      ha.stalled = false;
      await until('ready after the reconnect', () => ready >= 2);
      assert.equal(session.connected, true);
      assert.match(lines.join(''), /did not answer a ping; forcing a reconnect/);
    } finally {
      await session.stop();
    }
  });

  it('a wrong token is an HaAuthError without retrying', async () => {
    const before = ha.connections;
    const session = new HaSession({
      url: ha.url,
      token: 'wrong-token',
      heartbeatMs: 1_000,
      timeoutMs: 2_000,
      logger,
      waitForHa: true,
    });
    await assert.rejects(session.start(), { name: 'HaAuthError' });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(ha.connections, before + 1);
    await session.stop();
    assert.ok(!lines.join('').includes('good-token'));
  });
});
