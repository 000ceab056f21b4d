/**
 * The publisher against a real Home Assistant: one cycle publishes every catalog entity with its
 * attributes, hourly energy lands in long-term statistics, states come back after an HA restart,
 * and the example alarm automation fires on the published alarm.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Connection, HassEntity } from 'home-assistant-js-websocket';
import type { Role, Sample, SeriesByRole } from '../../src/model/index.js';
import { emptyIssueCounts } from '../../src/model/index.js';
import { configSchema } from '../../bridge/config/schema.js';
import { EXIT } from '../../bridge/cli/exit-codes.js';
import { main } from '../../bridge/cli/main.js';
import { createLogger } from '../../bridge/log/logger.js';
import { ENTITY_CATALOG, entityId } from '../../bridge/publish/entity-catalog.js';
import { statisticId } from '../../bridge/publish/statistics.js';
import { createBridgeApp, type BridgeApp } from '../../bridge/pipeline/create-app.js';
import { aggregateSamples } from '../../bridge/sources/aggregate.js';
import type { FetchRequest, FetchResult, SampleSource } from '../../bridge/sources/sample-source.js';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { REPO_ROOT } from '../harness/process.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';

const H = 3_600_000;

/** A running pump with an active alarm: 40/35 °C, 2000 W, compressor on, alarm 10, 1-min samples. */
class FakeSource implements SampleSource {
  readonly kind = 'fake';
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async fetch(req: FetchRequest): Promise<FetchResult> {
    const constant: Partial<Record<Role, number>> = {
      outdoor_temp: -3,
      supply_temp: 40,
      return_temp: 35,
      hot_water_temp: 50,
      compressor: 1,
      valve: 0,
      electrical_power: 2000,
      alarm_active: 1,
      alarm_code: 10,
    };
    const raw: SeriesByRole = {};
    const start = Math.floor(req.from / 60_000) * 60_000;
    for (const [role, v] of Object.entries(constant) as [Role, number][]) {
      const samples: Sample[] = [];
      for (let t = start; t < req.to; t += 60_000) samples.push({ t, v });
      raw[role] = samples;
    }
    const series = aggregateSamples(raw, req);
    return { series, rows: 0, issues: emptyIssueCounts(), unmappedKeys: [] };
  }
  async describe() {
    return { kind: this.kind, server: 'fake', location: 'memory', rolesFound: [], notes: [] };
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('bridge publishing to a real Home Assistant', () => {
  let ha: HomeAssistantInstance;
  let bridge: BridgeApp;
  let conn: Connection;
  const logLines: string[] = [];

  before(async () => {
    ha = await startHomeAssistant({
      files: {
        'automations.yaml': readFileSync(`${REPO_ROOT}/examples/automations/heatpump-alarm.yaml`, 'utf8'),
      },
    });
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    await conn.sendMessagePromise({ type: 'input_boolean/create', name: 'Heat pump alarm seen' });
    const config = configSchema.parse({
      timezone: 'UTC',
      homeassistant: { url: ha.url, token: ha.token, heartbeat_seconds: 2 },
      publish: { interval_seconds: 2 },
    });
    const logger = createLogger({
      level: 'debug',
      secrets: [ha.token],
      destination: { write: (l: string) => logLines.push(l) },
    });
    bridge = createBridgeApp({ config, logger, source: new FakeSource() });
    await bridge.app.start();
  });

  after(async () => {
    await bridge?.app.stop();
    conn?.close();
    await ha?.stop();
  });

  async function states(): Promise<Map<string, HassEntity>> {
    const list = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
    return new Map(list.map((s) => [s.entity_id, s]));
  }

  it('after one cycle, get_states shows every catalog entity with the right attributes', async () => {
    await waitFor('a published cycle', async () => (bridge.scheduler.cycles >= 1 ? true : undefined), 30_000);
    const all = await states();
    for (const spec of ENTITY_CATALOG) {
      const s = all.get(entityId(spec, 'heatpump'));
      assert.ok(s, `${entityId(spec, 'heatpump')} missing`);
      assert.equal(s.attributes.friendly_name, `Heat pump ${spec.name}`);
      assert.equal(s.attributes.unit_of_measurement, spec.unit);
      assert.equal(s.attributes.device_class, spec.deviceClass);
      assert.equal(s.attributes.state_class, spec.stateClass);
    }
    assert.equal(all.get('sensor.heatpump_cop_today')?.state, '6.75');
    assert.equal(all.get('sensor.heatpump_outdoor_temp')?.state, '-3');
    assert.equal(all.get('sensor.heatpump_compressor_share_24h')?.state, '100');
    assert.equal(all.get('binary_sensor.heatpump_compressor_running')?.state, 'on');
    const alarm = all.get('binary_sensor.heatpump_alarm');
    assert.equal(alarm?.state, 'on');
    assert.equal(alarm?.attributes.code, 10);
    assert.equal(typeof alarm?.attributes.text, 'string');
  });

  it('the example automation turns the input_boolean on when the alarm is published', async () => {
    const on = await waitFor(
      'input_boolean on',
      async () =>
        (await states()).get('input_boolean.heat_pump_alarm_seen')?.state === 'on' ? true : undefined,
      15_000,
    );
    assert.equal(on, true);
  });

  it('hourly energy is in long-term statistics (recorder/statistics_during_period)', async () => {
    const id = statisticId('heatpump', 'electrical_energy');
    const now = Date.now();
    const rows = await waitFor(
      'imported statistics',
      async () => {
        const r = await conn.sendMessagePromise<Record<string, { start: number; sum: number }[]>>({
          type: 'recorder/statistics_during_period',
          start_time: new Date(now - 30 * H).toISOString(),
          statistic_ids: [id],
          period: 'hour',
          types: ['sum'],
        });
        return (r[id]?.length ?? 0) >= 20 ? r[id] : undefined;
      },
      20_000,
    );
    const steps = rows.slice(1).map((row, i) => Math.round((row.sum - rows[i]!.sum) * 1e6) / 1e6);
    assert.ok(
      steps.every((s) => s === 2),
      `2 kWh per hour, got ${steps.join(',')}`,
    );
  });

  it('after an HA restart the states are back within 10 s', async () => {
    conn.close();
    await ha.restart();
    const restartedAt = Date.now();
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    await waitFor(
      'states after restart',
      async () => ((await states()).get('sensor.heatpump_cop_today')?.state === '6.75' ? true : undefined),
      10_000,
    );
    assert.ok(Date.now() - restartedAt <= 10_000, `${Date.now() - restartedAt} ms`);
    // The WebSocket session notices the restart too and republishes the whole set at once.
    await waitFor(
      'republish on reconnect',
      async () => (bridge.publisher.republishes >= 1 ? true : undefined),
      10_000,
    );
  });

  it('check with a wrong HA token prints a clear message and exits 3', async () => {
    let out = '';
    let err = '';
    const code = await main(['check'], {
      env: {
        HA_URL: ha.url,
        HA_TOKEN: 'definitely-wrong-token',
        INFLUXDB_URL: 'http://127.0.0.1:1',
        INFLUXDB_BUCKET: 'hp',
        HEATPUMP_BRIDGE__LOG__LEVEL: 'info',
      },
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      shutdownSignal: () => new Promise(() => undefined),
    });
    assert.equal(code, EXIT.auth);
    assert.match(out, /homeassistant: FAILED, Home Assistant rejected the token/);
    assert.ok(!(out + err).includes('definitely-wrong-token'));
  });

  it('the token never appears in the logs', () => {
    assert.ok(logLines.length > 5);
    assert.ok(!logLines.join('').includes(ha.token));
  });
});
