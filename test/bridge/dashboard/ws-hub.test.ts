import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { DashboardServer } from '../../../bridge/dashboard/dashboard-server.js';
import { CONFIG, makeFeed } from './dashboard-fixtures.js';

interface Msg {
  type: string;
  time_range?: string;
  message?: string;
  timestamp?: number;
  history?: Record<string, unknown>;
}

const server = new DashboardServer({
  feed: makeFeed(),
  config: CONFIG,
  port: 0,
  updateIntervalMs: 3_600_000,
  requestBurst: 2,
  requestRefillMs: 60_000,
});
const locked = new DashboardServer({ feed: makeFeed(), config: CONFIG, port: 0, token: 'tok' });
before(async () => {
  await server.start();
  await locked.start();
});
after(async () => {
  await server.stop();
  await locked.stop();
});

/** A client that queues every message it gets; next() waits for the next one. */
async function connect(
  target = server,
  query = '',
): Promise<{ ws: WebSocket; next: () => Promise<Msg>; closed: Promise<number> }> {
  const ws = new WebSocket(`${target.url.replace('http', 'ws')}ws${query}`);
  const queue: Msg[] = [];
  const waiters: Array<(m: Msg) => void> = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as Msg;
    const w = waiters.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = (): Promise<Msg> =>
    new Promise((resolve, reject) => {
      const m = queue.shift();
      if (m) return resolve(m);
      const timer = setTimeout(() => reject(new Error('no message within 5 s')), 5000);
      waiters.push((msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
    });
  return { ws, next, closed };
}

/** Skips the greeting: connection_status and the first graph_update. */
async function ready(target = server, query = ''): Promise<Awaited<ReturnType<typeof connect>>> {
  const c = await connect(target, query);
  const hello = await c.next();
  assert.equal(hello.type, 'connection_status');
  assert.equal(hello.time_range, '24h');
  const first = await c.next();
  assert.equal(first.type, 'graph_update');
  assert.equal(first.time_range, '24h');
  return c;
}

test('ping is answered with pong and a timestamp', async () => {
  const c = await ready();
  c.ws.send(JSON.stringify({ type: 'ping' }));
  const m = await c.next();
  assert.equal(m.type, 'pong');
  assert.equal(typeof m.timestamp, 'number');
  c.ws.close();
});

test('change_time_range answers with that range and keeps it for the broadcasts', async () => {
  const a = await ready();
  const b = await ready();
  a.ws.send(JSON.stringify({ type: 'change_time_range', range: '7d' }));
  assert.equal((await a.next()).time_range, '7d');
  await server.broadcast();
  assert.equal((await a.next()).time_range, '7d', 'a keeps its own range');
  const mb = await b.next();
  assert.equal(mb.time_range, '24h', 'b keeps the default');
  assert.ok(mb.history && Object.keys(mb.history).length > 0);
  a.ws.close();
  b.ws.close();
});

test('invalid ranges, unknown types, bad JSON and binary frames get an error and the socket stays open', async () => {
  const c = await ready();
  const cases: Array<[string | Buffer, RegExp]> = [
    [JSON.stringify({ type: 'change_time_range', range: '3d' }), /invalid range "3d"/],
    [JSON.stringify({ type: 'subscribe_everything' }), /unknown message type/],
    ['{oops', /not valid JSON/],
    [Buffer.from([1, 2, 3]), /binary frames/],
  ];
  for (const [frame, expected] of cases) {
    c.ws.send(frame);
    const m = await c.next();
    assert.equal(m.type, 'error');
    assert.match(m.message ?? '', expected);
  }
  c.ws.send(JSON.stringify({ type: 'ping' }));
  assert.equal((await c.next()).type, 'pong');
  c.ws.close();
});

test('an oversize frame closes the socket with 1009', async () => {
  const c = await ready();
  c.ws.send(JSON.stringify({ type: 'ping', padding: 'x'.repeat(5000) }));
  assert.equal(await c.closed, 1009);
});

test('request_update is rate-limited per client', async () => {
  const c = await ready();
  for (let i = 0; i < 2; i++) {
    c.ws.send(JSON.stringify({ type: 'request_update', range: '1h' }));
    assert.equal((await c.next()).time_range, '1h');
  }
  c.ws.send(JSON.stringify({ type: 'request_update' }));
  const limited = await c.next();
  assert.equal(limited.type, 'error');
  assert.match(limited.message ?? '', /rate-limited; try again in \d+ s/);
  // Another client has its own allowance.
  const d = await ready();
  d.ws.send(JSON.stringify({ type: 'request_update' }));
  assert.equal((await d.next()).type, 'graph_update');
  c.ws.close();
  d.ws.close();
});

test('with a token the socket needs it', async () => {
  await assert.rejects(connect(locked), /401/);
  const c = await ready(locked, '?token=tok');
  c.ws.close();
});

test('other upgrade paths are refused', async () => {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}socket.io/`);
  await assert.rejects(
    new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    }),
    /404/,
  );
});

test('stopping the server closes clients with 1001', async () => {
  const extra = new DashboardServer({ feed: makeFeed(), config: CONFIG, port: 0 });
  await extra.start();
  const c = await ready(extra);
  assert.equal(extra.connectedClients, 1);
  await extra.stop();
  assert.equal(await c.closed, 1001);
});
