import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DashboardServer } from '../../../bridge/dashboard/dashboard-server.js';
import { historyRequest } from '../../../bridge/dashboard/http-routes.js';
import { CONFIG, NOW, makeFeed } from './dashboard-fixtures.js';

const bundleDir = mkdtempSync(join(tmpdir(), 'hp-dashboard-'));
const bundlePath = join(bundleDir, 'heatpump-dashboard.js');
writeFileSync(bundlePath, 'console.log("bundle");');

const open = new DashboardServer({ feed: makeFeed(), config: CONFIG, port: 0, bundlePath });
const locked = new DashboardServer({
  feed: makeFeed(),
  config: CONFIG,
  port: 0,
  token: 'let-me-in',
  bundlePath,
});

before(async () => {
  await open.start();
  await locked.start();
});
after(async () => {
  await open.stop();
  await locked.stop();
});

const get = (server: DashboardServer, path: string, init?: RequestInit): Promise<Response> =>
  fetch(new URL(path, server.url), init);

test('binds to 127.0.0.1 by default', () => {
  assert.match(open.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('GET / is the page: title escaped, connection indicator, script tag, security headers', async () => {
  const res = await get(open, '/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const html = await res.text();
  assert.match(html, /<title>Test &lt;pump&gt;<\/title>/);
  assert.match(html, /id="connection" data-state="connecting"/);
  assert.match(html, /<script type="module" src="\/heatpump-dashboard.js"><\/script>/);
  const script = await get(open, '/heatpump-dashboard.js');
  assert.equal(script.status, 200);
  assert.equal(await script.text(), 'console.log("bundle");');
});

test('without a built bundle the page says how to build it, and the script route is 404', async () => {
  const bare = new DashboardServer({
    feed: makeFeed(),
    config: CONFIG,
    port: 0,
    bundlePath: join(bundleDir, 'missing.js'),
  });
  // The checkout may hold a real build in dist/; only the explicit path matters when it exists.
  await bare.start();
  try {
    const html = await (await get(bare, '/')).text();
    const hasBundle = html.includes('<script type="module"');
    assert.equal((await get(bare, '/heatpump-dashboard.js')).status, hasBundle ? 200 : 404);
    if (!hasBundle) assert.match(html, /npm run build/);
  } finally {
    await bare.stop();
  }
});

test('/api/config and /api/initial-data answer JSON', async () => {
  const config = await (await get(open, '/api/config')).json();
  assert.deepEqual(config, CONFIG);
  const res = await get(open, '/api/initial-data?range=6h');
  assert.equal(res.status, 200);
  const data = (await res.json()) as {
    time_range: string;
    from: number;
    to: number;
    history: Record<string, unknown[]>;
    events: unknown[];
  };
  assert.equal(data.time_range, '6h');
  assert.equal(data.to, NOW);
  assert.equal(data.to - data.from, 6 * 3_600_000);
  assert.ok((data.history['sensor.heatpump_outdoor_temp']?.length ?? 0) > 100);
  const defaults = (await (await get(open, '/api/initial-data')).json()) as { time_range: string };
  assert.equal(defaults.time_range, '24h');
});

test('bad requests get 400 with a message, unknown paths 404, other methods 405', async () => {
  const bad = await get(open, '/api/initial-data?range=2w');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /invalid range "2w"/);
  assert.equal((await get(open, '/api/nothing')).status, 404);
  assert.equal((await get(open, '/nothing')).status, 404);
  const post = await get(open, '/api/config', { method: 'POST' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
  const history = await get(open, '/api/history?entity_ids=sensor.heatpump_outdoor_temp&from=10&to=5');
  assert.equal(history.status, 400);
});

test('/api/history returns compact [t, v] points per entity', async () => {
  const url = `/api/history?entity_ids=sensor.heatpump_outdoor_temp,binary_sensor.heatpump_compressor&from=${NOW - 3_600_000}&to=${NOW}&window_ms=600000`;
  const body = (await (await get(open, url)).json()) as Record<string, Array<[number, number]>>;
  assert.equal(body['sensor.heatpump_outdoor_temp']?.length, 6);
  assert.deepEqual(body['sensor.heatpump_outdoor_temp']?.[0], [NOW - 3_600_000, -5]);
  assert.ok(body['binary_sensor.heatpump_compressor']?.every(([, v]) => v === 0 || v === 1));
});

test('history requests are validated field by field', () => {
  const p = (q: string): URLSearchParams => new URLSearchParams(q);
  assert.deepEqual(historyRequest(p('entity_ids=sensor.a_b&from=1&to=2')), {
    entityIds: ['sensor.a_b'],
    from: 1,
    to: 2,
  });
  assert.throws(() => historyRequest(p('from=1&to=2')), /entity_ids is required/);
  assert.throws(() => historyRequest(p('entity_ids=Robert%27);DROP&from=1&to=2')), /must be entity ids/);
  assert.throws(
    () =>
      historyRequest(
        p(`entity_ids=${Array.from({ length: 101 }, (_, i) => `sensor.x${i}`).join(',')}&from=1&to=2`),
      ),
    /at most 100/,
  );
  assert.throws(() => historyRequest(p('entity_ids=sensor.a&from=x&to=2')), /from must be/);
  assert.throws(() => historyRequest(p('entity_ids=sensor.a&from=1')), /from and to are required/);
  assert.throws(() => historyRequest(p(`entity_ids=sensor.a&from=0&to=${401 * 86_400_000}`)), /400 days/);
  assert.throws(() => historyRequest(p('entity_ids=sensor.a&from=0&to=100000&window_ms=10')), /window_ms/);
});

test('with a token: /api/* needs it (header or query), the page and script stay public', async () => {
  const denied = await get(locked, '/api/config');
  assert.equal(denied.status, 401);
  assert.equal(denied.headers.get('www-authenticate'), 'Bearer');
  assert.equal(
    (await get(locked, '/api/config', { headers: { Authorization: 'Bearer wrong' } })).status,
    401,
  );
  assert.equal(
    (await get(locked, '/api/config', { headers: { Authorization: 'Bearer let-me-in' } })).status,
    200,
  );
  assert.equal((await get(locked, '/api/initial-data?range=1h&token=let-me-in')).status, 200);
  assert.equal((await get(locked, '/')).status, 200);
  assert.equal((await get(locked, '/heatpump-dashboard.js')).status, 200);
});
