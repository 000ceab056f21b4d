/**
 * Floods of the standalone dashboard's WebSocket: thousands of frames from one client (valid
 * requests, broken JSON, unknown types) get error replies and rate limits, the database behind the
 * feed is asked only as often as the rate limit allows, the server stays up and another client is
 * served as if nothing happened.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { DashboardServer } from '../../../bridge/dashboard/dashboard-server.js';
import { CONFIG, FakeSource, makeFeed } from '../dashboard/dashboard-fixtures.js';

interface Msg {
  type: string;
  message?: string;
  time_range?: string;
}

const source = new FakeSource();
const server = new DashboardServer({
  feed: makeFeed({ source }),
  config: CONFIG,
  port: 0,
  updateIntervalMs: 3_600_000,
  requestBurst: 3,
  requestRefillMs: 60_000,
});
before(() => server.start());
after(() => server.stop());

/** Opens a client that collects every message; `waitFor` resolves once `n` messages match. */
async function client(): Promise<{
  ws: WebSocket;
  messages: Msg[];
  waitFor: (pred: (m: Msg) => boolean, n: number) => Promise<Msg[]>;
}> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}ws`);
  const messages: Msg[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Msg));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean, n: number): Promise<Msg[]> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const hits = messages.filter(pred);
      if (hits.length >= n) return hits;
      if (Date.now() > deadline) throw new Error(`only ${hits.length} of ${n} messages`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { ws, messages, waitFor };
}

test('a flood of 3000 frames gets 3000 answers, rate-limited requests stay limited, another client is unaffected', async () => {
  const flooder = await client();
  const bystander = await client();
  await flooder.waitFor((m) => m.type === 'graph_update', 1);
  await bystander.waitFor((m) => m.type === 'graph_update', 1);
  const fetchesBefore = source.fetches.length;
  const start = flooder.messages.length;

  for (let i = 0; i < 1000; i++) {
    flooder.ws.send(JSON.stringify({ type: 'request_update', range: '1h' }));
    flooder.ws.send('{"type": "request_update", ');
    flooder.ws.send(JSON.stringify({ type: `drop_${i}`, payload: '<img src=x onerror=alert(1)>' }));
  }
  // The bystander is answered while the flood is being worked off.
  bystander.ws.send(JSON.stringify({ type: 'ping' }));
  await bystander.waitFor((m) => m.type === 'pong', 1);

  const answers = await flooder.waitFor(() => true, start + 3000);
  const flood = answers.slice(start);
  const updates = flood.filter((m) => m.type === 'graph_update');
  const limited = flood.filter((m) => m.type === 'error' && /rate-limited/.test(m.message ?? ''));
  const invalid = flood.filter((m) => m.type === 'error' && !/rate-limited/.test(m.message ?? ''));
  assert.equal(updates.length, 3, 'the burst of 3, nothing more');
  assert.equal(limited.length, 997);
  assert.equal(invalid.length, 2000, 'one error per broken or unknown frame');
  assert.ok(
    invalid.every((m) => !(m.message ?? '').includes('<img')),
    'errors never echo markup back',
  );
  // The feed (InfluxDB in production) was asked at most once per range, not 1000 times.
  assert.ok(source.fetches.length - fetchesBefore <= 4, `${source.fetches.length - fetchesBefore} fetches`);

  // Both sockets are still open and the bystander still gets its own requests served.
  assert.equal(flooder.ws.readyState, WebSocket.OPEN);
  bystander.ws.send(JSON.stringify({ type: 'request_update', range: '7d' }));
  const served = await bystander.waitFor((m) => m.type === 'graph_update' && m.time_range === '7d', 1);
  assert.equal(served.length, 1);
  assert.equal(server.connectedClients, 2);
  flooder.ws.close();
  bystander.ws.close();
});
