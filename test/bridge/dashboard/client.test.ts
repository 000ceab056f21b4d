/**
 * The page's client half of the protocol (cards/data/bridge-data-source.ts and
 * cards/standalone/dashboard-connection.ts), run in Node against the real DashboardServer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { BridgeDataSource } from '../../../cards/data/bridge-data-source.js';
import { DashboardConnection } from '../../../cards/standalone/dashboard-connection.js';
import type { ConnectionState } from '../../../cards/standalone/dashboard-connection.js';
import type { ServerMessage, WirePayload } from '../../../cards/standalone/wire.js';
import { DashboardServer } from '../../../bridge/dashboard/dashboard-server.js';
import { CONFIG, NOW, makeFeed } from './dashboard-fixtures.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the data source answers history from the payload, other spans from /api/history, statistics per period', async () => {
  const server = new DashboardServer({ feed: makeFeed(), config: CONFIG, port: 0 });
  await server.start();
  try {
    const base = server.url.replace(/\/$/, '');
    let requests = 0;
    const source = new BridgeDataSource({
      baseUrl: base,
      fetch: async (url, init) => {
        requests += 1;
        return fetch(url, init);
      },
    });
    const payload = (await (await fetch(`${base}/api/initial-data?range=24h`)).json()) as WirePayload;
    source.applyPayload(payload);
    assert.equal(source.current('sensor.heatpump_cop_today')?.value, 3.41);
    assert.equal(source.current('binary_sensor.heatpump_alarm')?.value, 1);
    assert.equal(source.current('sensor.heatpump_outdoor_temp')?.unit, '°C');
    assert.equal(source.current('sensor.nothing'), undefined);
    const h = await source.history({
      entityIds: ['sensor.heatpump_outdoor_temp'],
      from: NOW - 86_400_000 + 5000,
      to: NOW + 5000,
    });
    assert.equal(requests, 0, 'served from the payload');
    assert.equal(h['sensor.heatpump_outdoor_temp']?.length, 720);
    const week = await source.history({
      entityIds: ['sensor.heatpump_outdoor_temp'],
      from: NOW - 2 * 86_400_000,
      to: NOW,
    });
    assert.equal(requests, 1, 'a longer span is fetched');
    assert.equal(week['sensor.heatpump_outdoor_temp']?.length, 576, '48 h in 5 min windows');
    const stats = await source.statistics({
      statisticIds: ['sensor.heatpump_outdoor_temp'],
      from: NOW - 86_400_000,
      to: NOW,
      period: 'hour',
    });
    const rows = stats['sensor.heatpump_outdoor_temp'] ?? [];
    assert.equal(rows.length, 24);
    assert.deepEqual(rows[0], {
      start: NOW - 86_400_000,
      end: NOW - 82_800_000,
      mean: -5,
      min: -5,
      max: -5,
      state: -5,
      sum: -5,
    });
    await assert.rejects(source.history({ entityIds: ['BAD ID'], from: 0, to: 1 }), /bridge answered 400/);
  } finally {
    await server.stop();
  }
});

test('live updates reach subscribers only for their entities and only when a state changed', () => {
  const source = new BridgeDataSource({ baseUrl: 'http://unused' });
  const seen: string[] = [];
  const unsubscribe = source.subscribeLive(['sensor.heatpump_cop_now'], (u) =>
    seen.push(`${u.entityId}=${u.state}@${u.t}`),
  );
  const payload = (states: Array<[string, string, number]>): WirePayload => ({
    time_range: '24h',
    from: 0,
    to: 1,
    window_ms: 60_000,
    timestamp: 1,
    states: states.map(([entity_id, state, last_updated]) => ({
      entity_id,
      state,
      attributes: {},
      last_updated,
    })),
    history: {},
    events: [],
    status: {
      alarm: { active: false, code: null, text: null, severity: null },
      compressor_running: null,
      hot_water_mode: null,
      aux_heater_on: null,
      outdoor_temp: null,
    },
    kpi: {},
  });
  source.applyPayload(
    payload([
      ['sensor.heatpump_cop_now', '3.1', 10],
      ['sensor.heatpump_cop_today', '3', 10],
    ]),
  );
  source.applyPayload(payload([['sensor.heatpump_cop_now', '3.1', 10]]));
  source.applyPayload(payload([['sensor.heatpump_cop_now', '3.4', 40]]));
  unsubscribe();
  source.applyPayload(payload([['sensor.heatpump_cop_now', '3.5', 70]]));
  // First sight counts as a change; a repeat of the same state does not.
  assert.deepEqual(seen, ['sensor.heatpump_cop_now=3.1@10', 'sensor.heatpump_cop_now=3.4@40']);
});

test('the connection reports its state, reconnects with backoff after a restart and re-sends the range', async () => {
  const server = new DashboardServer({
    feed: makeFeed(),
    config: CONFIG,
    port: 0,
    updateIntervalMs: 3_600_000,
  });
  await server.start();
  const states: ConnectionState[] = [];
  const ranges: string[] = [];
  const connection = new DashboardConnection({
    url: `${server.url.replace('http', 'ws')}ws`,
    onState: (s) => states.push(s),
    onMessage: (m: ServerMessage) => {
      if (m.type === 'graph_update') ranges.push(m.time_range);
    },
    minDelayMs: 50,
    maxDelayMs: 400,
    socketFactory: (url) => new WebSocket(url) as unknown as globalThis.WebSocket,
  });
  try {
    connection.start();
    await waitFor(() => states.at(-1) === 'connected' && ranges.length === 1, 'first connect');
    connection.setRange('30d');
    await waitFor(() => ranges.at(-1) === '30d', '30d update');
    await server.stop();
    await waitFor(() => states.at(-1) === 'disconnected', 'disconnected');
    await new Promise((r) => setTimeout(r, 300));
    await server.start();
    await waitFor(() => states.at(-1) === 'connected', 'reconnect');
    // The server greets with its default range; the client asks for its own again at once.
    await waitFor(() => ranges.at(-1) === '30d' && ranges.length >= 4, 'range re-sent');
    assert.deepEqual(states.slice(0, 3), ['connecting', 'connected', 'disconnected']);
    assert.ok(states.filter((s) => s === 'connecting').length >= 2, 'retried');
  } finally {
    connection.stop();
    await server.stop();
  }
});

test('reconnect delays double from the minimum up to the maximum', () => {
  const c = new DashboardConnection({
    url: 'ws://unused',
    onState: () => undefined,
    onMessage: () => undefined,
  });
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((n) => c.delayFor(n)),
    [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
  );
});
