/**
 * Smoke test against a real InfluxDB 2.x built by scripts/services/influxdb2.sh:
 * the harness starts and onboards it, we write line protocol with the official
 * client's WriteApi and read 1-minute means back with Flux via QueryApi,
 * proving the server, harness, token and Flux semantics the bridge relies on
 * (window stop timestamps, null for empty windows).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { InfluxDB } from '@influxdata/influxdb-client';
import { startInfluxV2, type InfluxV2Server } from '../harness/influxdb.js';
import { REPO_ROOT } from '../harness/process.js';

const T0 = Date.parse('2024-01-15T10:00:00Z');
const at = (minutes: number, seconds: number, ms = 0): number => T0 + minutes * 60_000 + seconds * 1_000 + ms;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

// Irregular sample times, as a heat pump poller produces them.
const LINES = [
  `heatpump,register_id=40008,name=supply_temp value=40 ${at(0, 5)}`,
  `heatpump,register_id=40008,name=supply_temp value=42 ${at(0, 20)}`,
  `heatpump,register_id=40008,name=supply_temp value=47 ${at(0, 55)}`,
  `heatpump,register_id=40008,name=supply_temp value=50 ${at(1, 10)}`,
  `heatpump,register_id=40008,name=supply_temp value=30 ${at(3, 30)}`,
  `heatpump,register_id=40008,name=supply_temp value=31 ${at(3, 59, 999)}`,
  // Another register in the same minute must not leak into the filtered means.
  `heatpump,register_id=40012,name=return_temp value=35 ${at(0, 30)}`,
];

let influx: InfluxV2Server;

before(async () => {
  influx = await startInfluxV2();
});

after(async () => {
  await influx?.stop();
});

test('server reports the pinned 2.x version', async () => {
  const pinned = execFileSync('bash', [join(REPO_ROOT, 'scripts/services/influxdb2.sh'), 'version'], {
    encoding: 'utf8',
  }).trim();
  assert.equal(influx.flavour, 'v2');
  assert.equal(influx.version, `v${pinned}`);
  const ping = await fetch(`${influx.url}/ping`);
  assert.equal(ping.status, 204);
  assert.equal(ping.headers.get('x-influxdb-version'), `v${pinned}`);
});

test('the admin token is required', async () => {
  const anonymous = await fetch(`${influx.url}/api/v2/buckets`);
  assert.equal(anonymous.status, 401);
  const authed = await fetch(`${influx.url}/api/v2/buckets?name=${influx.bucket}`, {
    headers: { authorization: `Token ${influx.token}` },
  });
  assert.equal(authed.status, 200);
  const body = (await authed.json()) as { buckets: { id: string; name: string }[] };
  assert.deepEqual(
    body.buckets.map((b) => [b.id, b.name]),
    [[influx.bucketID, 'heatpump']],
  );
});

test('write with WriteApi, read 1-minute means with Flux aggregateWindow', async () => {
  const client = new InfluxDB({ url: influx.url, token: influx.token });
  const writeApi = client.getWriteApi(influx.org, influx.bucket, 'ms');
  writeApi.writeRecords(LINES);
  await writeApi.close(); // flushes; rejects if the server refused the batch

  const flux = `
from(bucket: "${influx.bucket}")
  |> range(start: ${iso(at(0, 0))}, stop: ${iso(at(4, 0))})
  |> filter(fn: (r) => r._measurement == "heatpump" and r.name == "supply_temp" and r._field == "value")
  |> aggregateWindow(every: 1m, fn: mean)
  |> keep(columns: ["_time", "_value", "register_id"])`;
  const rows = await client.getQueryApi(influx.org).collectRows<Record<string, unknown>>(flux);
  // Flux stamps each window with its stop time; empty windows give null.
  assert.deepEqual(
    rows.map((r) => [r['_time'], r['_value'], r['register_id']]),
    [
      [iso(at(1, 0)), 43, '40008'],
      [iso(at(2, 0)), 50, '40008'],
      [iso(at(3, 0)), null, '40008'],
      [iso(at(4, 0)), 30.5, '40008'],
    ],
  );
});
