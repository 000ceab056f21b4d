/**
 * The InfluxDB sources against real servers: InfluxDB 2.x with Flux and InfluxDB 1.x with InfluxQL.
 * Data is written in the husdata layout (what the original collector writes) and the
 * home-assistant layout; the tests check the aggregated series, the metrics built on them, that
 * both languages agree, and that hostile names in config cannot change a query.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configSchema, type BridgeConfig } from '../../bridge/config/schema.js';
import { InfluxQueryError } from '../../bridge/influx/influx-errors.js';
import type { SourceRow } from '../../bridge/influx/query-plan.js';
import { createInfluxSource, metricOptionsFor } from '../../bridge/pipeline/create-parts.js';
import { hourlyEnergy } from '../../bridge/pipeline/hourly-energy.js';
import { buildPeriodReport } from '../../bridge/pipeline/period-report.js';
import {
  startInfluxV1,
  startInfluxV2,
  type InfluxV1Server,
  type InfluxV2Server,
} from '../harness/influxdb.js';

const H = 3_600_000;
const T0 = Math.floor(Date.now() / H) * H - 4 * H;
const T1 = T0 + 2 * H;

/** Thermia through a Husdata gateway: 2 h at 30 s; compressor on, 40/35 °C, 2000 W. */
function husdataLines(): string {
  const lines: string[] = [];
  for (let t = T0; t < T1; t += 30_000) {
    const s = t / 1000;
    const outdoor = (t / 30_000) % 2 === 0 ? -2 : -4;
    lines.push(
      `heatpump,register_id=0007,name=outdoor_temp,type=temperature,unit=°C value=${outdoor} ${s}`,
      `heatpump,register_id=0002,name=radiator_forward,type=temperature,unit=°C value=40 ${s}`,
      `heatpump,register_id=0001,name=radiator_return,type=temperature,unit=°C value=35 ${s}`,
      `heatpump,register_id=1A01,name=compressor_status,type=status value=1 ${s}`,
      `heatpump,register_id=1A07,name=switch_valve_status,type=status value=0 ${s}`,
      `heatpump,register_id=CFAA,name=power_consumption,type=power,unit=W value=2000 ${s}`,
      `heatpump,register_id=2A91,name=alarm_code,type=alarm value=${t >= T1 - 10 * 60_000 ? 10 : 0} ${s}`,
    );
  }
  return lines.join('\n');
}

/** What HA's InfluxDB integration writes: measurement = unit, tags domain + entity_id (object id). */
function homeAssistantLines(): string {
  const lines: string[] = [];
  for (let t = T0; t < T1; t += 60_000) {
    lines.push(
      `°C,domain=sensor,entity_id=outdoor_temperature value=${(t / 60_000) % 2 === 0 ? 1 : 3} ${t / 1000}`,
    );
    lines.push(`W,domain=sensor,entity_id=heat_pump_power value=1500 ${t / 1000}`);
  }
  return lines.join('\n');
}

function config(over: Record<string, unknown>): BridgeConfig {
  return configSchema.parse({ timezone: 'UTC', ...over });
}

async function rowsOf(cfg: BridgeConfig, from = T0, to = T1, windowMs = 60_000): Promise<SourceRow[]> {
  const source = createInfluxSource(cfg);
  await source.start();
  try {
    return await source.fetchRows({ from, to, windowMs });
  } finally {
    await source.stop();
  }
}

function husdataChecks(name: string, cfg: () => BridgeConfig): void {
  it(`${name}: husdata rows are aggregated per 1-min window, mean for values and last for states`, async () => {
    const rows = await rowsOf(cfg());
    const outdoor = rows.filter((r) => r.name === 'outdoor_temp').sort((a, b) => a.t - b.t);
    assert.equal(outdoor.length, 120);
    assert.equal(outdoor[0]?.t, T0);
    assert.ok(
      outdoor.every((r) => r.value === -3),
      'every 1-min mean of -2/-4 is -3',
    );
    const alarm = rows.filter((r) => r.name === 'alarm_code').sort((a, b) => a.t - b.t);
    assert.deepEqual(new Set(alarm.map((r) => r.value)), new Set([0, 10]), 'alarm codes are never averaged');
    assert.equal(rows.filter((r) => r.name === 'compressor_status').length, 120);
  });

  it(`${name}: the period report of the range has the hand-computed COP and energies`, async () => {
    const c = cfg();
    const source = createInfluxSource(c);
    await source.start();
    const result = await source.fetch({ from: T0, to: T1, windowMs: 60_000 });
    await source.stop();
    const report = buildPeriodReport({
      series: result.series,
      from: T0,
      to: T1,
      windowMs: 60_000,
      rows: result.rows,
      sourceKind: source.kind,
      brand: c.brand,
      layout: c.source.layout,
      issues: result.issues,
      options: metricOptionsFor(c),
    });
    const value = (f: { status: string; value?: number }) =>
      f.status === 'unavailable' ? NaN : (f.value as number);
    // Electricity 2 kW x 2 h; heat 2.7 kW/K x 5 K x 2 h (flow-factor estimate); COP 13.5 / 2.
    assert.ok(
      Math.abs(value(report.energy_kwh.electricity) - 4) < 1e-6,
      JSON.stringify(report.energy_kwh.electricity),
    );
    assert.ok(Math.abs(value(report.energy_kwh.heat) - 27) < 1e-6, JSON.stringify(report.energy_kwh.heat));
    assert.equal(report.energy_kwh.heat.status, 'estimated');
    assert.ok(Math.abs(value(report.cop.including_standby) - 6.75) < 1e-6);
    assert.ok(Math.abs(value(report.runtime.compressor_share_pct) - 100) < 1e-6);
    const hours = hourlyEnergy(result.series, { from: T0, to: T1 }, metricOptionsFor(c));
    assert.deepEqual(
      hours.map((h) => [
        h.start,
        Math.round(h.electricalKwh! * 1e6) / 1e6,
        Math.round(h.heatKwh! * 1e6) / 1e6,
      ]),
      [
        [T0, 2, 13.5],
        [T0 + H, 2, 13.5],
      ],
    );
  });

  it(`${name}: hostile names in config stay names (no rows, no error, data intact)`, async () => {
    const evil = `heatpump") |> drop(columns: ["_value"]) //' OR 1=1; DROP DATABASE x; --`;
    const c = cfg();
    const rows = await rowsOf(
      config({ ...c, source: { ...c.source, measurement: evil, name_tag: `name"]` } }),
    );
    assert.equal(rows.length, 0);
    assert.equal(
      (await rowsOf(cfg())).filter((r) => r.name === 'outdoor_temp').length,
      120,
      'data still there',
    );
  });
}

describe('bridge InfluxDB sources (real servers)', () => {
  let v2: InfluxV2Server;
  let v1: InfluxV1Server;

  before(async () => {
    [v2, v1] = await Promise.all([startInfluxV2(), startInfluxV1({ database: 'heatpump' })]);
    const body = `${husdataLines()}\n${homeAssistantLines()}`;
    const w2 = await fetch(`${v2.url}/api/v2/write?org=${v2.org}&bucket=${v2.bucket}&precision=s`, {
      method: 'POST',
      headers: { authorization: `Token ${v2.token}` },
      body,
    });
    assert.equal(w2.status, 204, await w2.text());
    const w1 = await fetch(`${v1.url}/write?db=heatpump&precision=s`, { method: 'POST', body });
    assert.equal(w1.status, 204, await w1.text());
  });

  after(async () => {
    await Promise.allSettled([v2?.stop(), v1?.stop()]);
  });

  const v2Config = () =>
    config({ influxdb: { url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket } });
  const v1Config = () => config({ influxdb: { url: v1.url, database: 'heatpump' } });

  it('language auto: Flux on 2.x, InfluxQL on 1.x', async () => {
    const a = createInfluxSource(v2Config());
    const b = createInfluxSource(v1Config());
    await Promise.all([a.start(), b.start()]);
    assert.deepEqual([a.kind, b.kind], ['influxdb-flux', 'influxdb-influxql']);
    await Promise.all([a.stop(), b.stop()]);
  });

  husdataChecks('Flux on InfluxDB 2', v2Config);
  husdataChecks('InfluxQL on InfluxDB 1', v1Config);

  it('Flux and InfluxQL return the same windows and values for the same data', async () => {
    const key = (r: SourceRow) => `${r.name}@${r.t}`;
    const a = new Map((await rowsOf(v2Config(), T0, T1, 300_000)).map((r) => [key(r), r.value]));
    const b = new Map((await rowsOf(v1Config(), T0, T1, 300_000)).map((r) => [key(r), r.value]));
    assert.equal(a.size, 7 * 24);
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
  });

  for (const [name, cfg] of [
    ['Flux', () => ({ url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket })],
    ['InfluxQL', () => ({ url: v1.url, database: 'heatpump' })],
  ] as const) {
    it(`${name}: home-assistant layout maps entities to roles`, async () => {
      const c = config({
        brand: 'generic',
        influxdb: cfg(),
        source: {
          layout: 'home-assistant',
          entities: {
            outdoor_temp: 'sensor.outdoor_temperature',
            electrical_power: 'sensor.heat_pump_power',
          },
        },
      });
      const source = createInfluxSource(c);
      await source.start();
      const result = await source.fetch({ from: T0, to: T1, windowMs: 120_000 });
      await source.stop();
      assert.equal(result.series.outdoor_temp?.length, 60);
      assert.ok(result.series.outdoor_temp?.every((s) => s.v === 2));
      assert.ok(result.series.electrical_power?.every((s) => s.v === 1500));
    });
  }

  it('a wrong token is an auth error; a missing bucket is a query error', async () => {
    const bad = createInfluxSource(
      config({ influxdb: { url: v2.url, token: 'wrong-token', org: v2.org, bucket: v2.bucket } }),
    );
    await bad.start();
    await assert.rejects(bad.fetch({ from: T0, to: T1, windowMs: 60_000 }), { name: 'InfluxAuthError' });
    const missing = createInfluxSource(
      config({ influxdb: { url: v2.url, token: v2.token, org: v2.org, bucket: 'nope' } }),
    );
    await missing.start();
    await assert.rejects(missing.fetch({ from: T0, to: T1, windowMs: 60_000 }), InfluxQueryError);
  });
});
