/**
 * Smoke test of the real Home Assistant the harness starts: the three things the bridge and cards
 * rely on (WebSocket session, REST state writes, long-term statistics import) and the frontend.
 *
 *   node --import tsx --test test/integration/home-assistant.smoke.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  subscribeEntities,
  type Connection,
  type HassEntities,
  type HassEntity,
} from 'home-assistant-js-websocket';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';

const SENSOR = 'sensor.heatpump_smoke';
const SENSOR_ATTRIBUTES = {
  unit_of_measurement: 'kWh',
  device_class: 'energy',
  state_class: 'total_increasing',
  friendly_name: 'Heat pump smoke energy',
};
const STATISTIC_ID = 'heatpump:smoke_energy';
/** Three hourly rows; HA requires `start` on a full hour with a time zone. */
const IMPORTED = [
  { start: '2024-01-01T00:00:00+00:00', state: 1.5, sum: 1.5 },
  { start: '2024-01-01T01:00:00+00:00', state: 3, sum: 3 },
  { start: '2024-01-01T02:00:00+00:00', state: 4.25, sum: 4.25 },
];

interface StatisticsRow {
  start: number;
  end: number;
  sum?: number | null;
  state?: number | null;
}

let ha: HomeAssistantInstance;
let conn: Connection;

before(
  async () => {
    ha = await startHomeAssistant();
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
  },
  { timeout: 240_000 },
);

after(async () => {
  conn?.close();
  await ha?.stop();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function statistics(): Promise<Record<string, StatisticsRow[]>> {
  return conn.sendMessagePromise({
    type: 'recorder/statistics_during_period',
    start_time: IMPORTED[0]!.start,
    end_time: '2024-01-01T03:00:00+00:00',
    statistic_ids: [STATISTIC_ID],
    period: 'hour',
    types: ['state', 'sum'],
  });
}

test('reports HA 2024.3 over WebSocket and via get_config', async (t) => {
  t.diagnostic(`timings ${JSON.stringify(ha.timings)}; log ${ha.logFile}`);
  assert.match(conn.haVersion, /^2024\.3\.\d+$/);
  assert.equal(ha.version, conn.haVersion);
  const states = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
  // zone.home comes from the core config location written by the harness.
  const home = states.find((s) => s.entity_id === 'zone.home');
  assert.ok(home, 'zone.home missing from get_states');
  assert.equal(home.attributes.latitude, 59.3293);
});

test('a state POSTed over REST reaches WebSocket subscribers with its attributes', async () => {
  const res = await fetch(`${ha.url}/api/states/${SENSOR}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ha.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state: '42', attributes: SENSOR_ATTRIBUTES }),
  });
  assert.equal(res.status, 201, await res.text());

  let unsubscribe: (() => void) | undefined;
  const entity = await new Promise<HassEntity>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${SENSOR} never arrived over subscribe_entities`)),
      15_000,
    );
    unsubscribe = subscribeEntities(conn, (entities: HassEntities) => {
      const found = entities[SENSOR];
      if (found?.state === '42') {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  unsubscribe?.();
  assert.equal(entity.state, '42');
  assert.deepEqual(entity.attributes, SENSOR_ATTRIBUTES);
});

test('imported external statistics come back from statistics_during_period', async () => {
  await conn.sendMessagePromise({
    type: 'recorder/import_statistics',
    metadata: {
      has_mean: false,
      has_sum: true,
      name: 'Heat pump smoke energy',
      source: 'heatpump',
      statistic_id: STATISTIC_ID,
      unit_of_measurement: 'kWh',
    },
    stats: IMPORTED,
  });
  // The import is queued in the recorder thread; poll until all rows are committed.
  const result = await waitFor('imported statistics', async () => {
    const rows = (await statistics())[STATISTIC_ID];
    return rows !== undefined && rows.length === IMPORTED.length ? rows : undefined;
  });
  assert.deepEqual(
    result.map((r) => ({ start: r.start, end: r.end, sum: r.sum, state: r.state })),
    IMPORTED.map((r) => ({
      start: Date.parse(r.start),
      end: Date.parse(r.start) + 3_600_000,
      sum: r.sum,
      state: r.state,
    })),
  );
});

test('the frontend serves the UI at / without redirecting to onboarding', async () => {
  const res = await fetch(`${ha.url}/`, { redirect: 'manual' });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<home-assistant[\s>]/);
});

test('restart keeps the token and statistics; REST states are gone until republished', async (t) => {
  const timings = await ha.restart();
  t.diagnostic(`restart timings ${JSON.stringify(timings)}`);
  // The old Connection reconnects on its own with the same long-lived token.
  await waitFor('reconnected WebSocket', async () => (conn.connected ? true : undefined), 30_000);
  const states = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
  assert.equal(
    states.find((s) => s.entity_id === SENSOR),
    undefined,
  );
  const rows = (await statistics())[STATISTIC_ID] ?? [];
  assert.deepEqual(
    rows.map((r) => r.sum),
    IMPORTED.map((r) => r.sum),
  );
});
