/**
 * Smoke test against a real InfluxDB 1.x (Debian package): the harness starts
 * it, we write line protocol over /write and read 1-minute means back over
 * InfluxQL, proving the server, harness and query semantics the 1.x adapter
 * relies on (window start timestamps, null for empty windows).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startInfluxV1, type InfluxV1Server } from '../harness/influxdb.js';

const DB = 'heatpump';
const T0 = Date.parse('2024-01-15T10:00:00Z');
const at = (minutes: number, seconds: number, ms = 0): number => T0 + minutes * 60_000 + seconds * 1_000 + ms;

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

let influx: InfluxV1Server;

before(async () => {
  influx = await startInfluxV1({ database: DB });
});

after(async () => {
  await influx?.stop();
});

test('server reports a 1.x version', () => {
  assert.match(influx.version, /^1\.\d+\.\d+/);
  assert.equal(influx.database, DB);
});

test('write via /write, read 1-minute means via InfluxQL', async () => {
  const write = await fetch(`${influx.url}/write?db=${DB}&precision=ms`, {
    method: 'POST',
    body: LINES.join('\n'),
  });
  assert.equal(write.status, 204, await write.text());

  const q =
    // "name" is an InfluxQL keyword, so the tag key must be quoted.
    `SELECT mean("value") FROM "heatpump" WHERE "name" = 'supply_temp' ` +
    `AND time >= '2024-01-15T10:00:00Z' AND time < '2024-01-15T10:04:00Z' GROUP BY time(1m)`;
  const res = await fetch(`${influx.url}/query?${new URLSearchParams({ db: DB, epoch: 'ms', q })}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    results: { series?: { name: string; columns: string[]; values: [number, number | null][] }[] }[];
  };
  const series = body.results[0]?.series?.[0];
  assert.ok(series, `no series in ${JSON.stringify(body)}`);
  assert.equal(series.name, 'heatpump');
  assert.deepEqual(series.columns, ['time', 'mean']);
  // InfluxQL stamps each window with its start; empty windows are null.
  assert.deepEqual(series.values, [
    [at(0, 0), 43],
    [at(1, 0), 50],
    [at(2, 0), null],
    [at(3, 0), 30.5],
  ]);
});
