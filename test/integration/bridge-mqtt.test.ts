/**
 * The MQTT discovery publisher against a real Mosquitto (password file) and a real Home Assistant
 * whose MQTT integration is set up through the REST config flow, as a user does in the UI:
 * entities land in the entity registry under one device with the catalog's metadata, have states,
 * go unavailable when the bridge stops (graceful offline, and the last will after a SIGKILL), come
 * back when it starts, and a metric removed from the config loses its entity.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Connection, HassEntity } from 'home-assistant-js-websocket';
import { connectAsync, type MqttClient } from 'mqtt';
import { EXIT } from '../../bridge/cli/exit-codes.js';
import { exitCodeFor } from '../../bridge/cli/main.js';
import { configSchema, type BridgeConfig } from '../../bridge/config/schema.js';
import { createLogger } from '../../bridge/log/logger.js';
import { createBridgeApp, type BridgeApp } from '../../bridge/pipeline/create-app.js';
import { ENTITY_CATALOG, entityId } from '../../bridge/publish/entity-catalog.js';
import { MqttAuthError } from '../../bridge/publish/mqtt-transport.js';
import { createMqttPublisher } from '../../bridge/pipeline/create-parts.js';
import { VERSION } from '../../src/version.js';
import { RunningPumpSource } from '../bridge/fixtures/running-pump-source.js';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';
import { startMosquitto, type MosquittoServer } from '../harness/mosquitto.js';
import { REPO_ROOT, envWithout, spawnLogged, type LoggedProcess } from '../harness/process.js';

const USER = { username: 'bridge', password: 'mqtt-test-secret-42' };
const REMOVED = ['hot_gas_temp', 'degree_minutes'];
/** Entities the running pump fixture has data for. */
const WITH_DATA = [
  'sensor.heatpump_cop_today',
  'sensor.heatpump_outdoor_temp',
  'sensor.heatpump_electrical_energy_today',
  'binary_sensor.heatpump_compressor_running',
  'binary_sensor.heatpump_alarm',
];

interface RegistryEntry {
  entity_id: string;
  unique_id: string;
  platform: string;
  device_id: string | null;
  original_name: string | null;
}
interface DeviceEntry {
  id: string;
  name: string;
  manufacturer: string | null;
  model: string | null;
  sw_version: string | null;
  identifiers: [string, string][];
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${lastError}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Sets up HA's MQTT integration the way the UI does: a config flow with the broker step. */
async function addMqttIntegration(ha: HomeAssistantInstance, broker: MosquittoServer): Promise<void> {
  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ type: string; flow_id: string; step_id?: string }> => {
    const res = await fetch(`${ha.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ha.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    assert.equal(res.status, 200, `POST ${path}: ${text}`);
    return JSON.parse(text) as { type: string; flow_id: string; step_id?: string };
  };
  const form = await post('/api/config/config_entries/flow', {
    handler: 'mqtt',
    show_advanced_options: false,
  });
  assert.equal(form.step_id, 'broker', JSON.stringify(form));
  const done = await post(`/api/config/config_entries/flow/${form.flow_id}`, {
    broker: broker.host,
    port: broker.port,
    username: USER.username,
    password: USER.password,
  });
  assert.equal(done.type, 'create_entry', JSON.stringify(done));
}

describe('bridge publishing through MQTT discovery (real Mosquitto + Home Assistant)', () => {
  let broker: MosquittoServer;
  let ha: HomeAssistantInstance;
  let conn: Connection;
  let bridge: BridgeApp | undefined;
  const logLines: string[] = [];

  const bridgeConfig = (publish: Record<string, unknown> = {}): BridgeConfig =>
    configSchema.parse({
      timezone: 'UTC',
      // No HA token: MQTT alone needs none (statistics need the WebSocket and are off here).
      publish: { via: 'mqtt', interval_seconds: 2, statistics: false, ...publish },
      mqtt: { url: broker.url, username: USER.username, password: USER.password, keepalive_seconds: 5 },
    });

  async function startBridge(publish: Record<string, unknown> = {}): Promise<BridgeApp> {
    const logger = createLogger({
      level: 'debug',
      secrets: [USER.password],
      destination: { write: (l: string) => logLines.push(l) },
    });
    const app = createBridgeApp({ config: bridgeConfig(publish), logger, source: new RunningPumpSource() });
    await app.app.start();
    await waitFor('a published cycle', async () => (app.scheduler.cycles >= 1 ? true : undefined), 20_000);
    return app;
  }

  const ws = <T>(type: string): Promise<T> => conn.sendMessagePromise<T>({ type });
  const ourEntries = async (): Promise<RegistryEntry[]> =>
    (await ws<RegistryEntry[]>('config/entity_registry/list')).filter(
      (e) => e.platform === 'mqtt' && e.unique_id.startsWith('heatpump_insight_heatpump_'),
    );
  const states = async (): Promise<Map<string, HassEntity>> =>
    new Map((await ws<HassEntity[]>('get_states')).map((s) => [s.entity_id, s]));
  /** Offline: every entity unavailable. Online: those the running pump has data for are available. */
  const expectAvailability = (online: boolean) => async (): Promise<true | undefined> => {
    const all = await states();
    const ids = online
      ? WITH_DATA
      : ENTITY_CATALOG.filter((s) => !REMOVED.includes(s.key)).map((s) => entityId(s, 'heatpump'));
    const ok = ids.every((id) => all.has(id) && (all.get(id)?.state === 'unavailable') !== online);
    return ok ? true : undefined;
  };

  before(async () => {
    broker = await startMosquitto({ user: USER });
    ha = await startHomeAssistant();
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    await addMqttIntegration(ha, broker);
    bridge = await startBridge();
  });

  after(async () => {
    await bridge?.app.stop();
    conn?.close();
    await ha?.stop();
    await broker?.stop();
  });

  it('retains one discovery config per catalog entity with unique id, device block and catalog metadata', async () => {
    const client: MqttClient = await connectAsync(broker.url, { ...USER, clientId: 'test-observer' });
    const configs = new Map<string, Record<string, unknown>>();
    client.on('message', (topic, payload, packet) => {
      if (packet.retain && payload.length > 0)
        configs.set(topic, JSON.parse(payload.toString()) as Record<string, unknown>);
    });
    await client.subscribeAsync('homeassistant/+/heatpump/+/config');
    await waitFor(
      'retained configs',
      async () => (configs.size === ENTITY_CATALOG.length ? true : undefined),
      5_000,
    );
    await client.endAsync();
    for (const spec of ENTITY_CATALOG) {
      const c = configs.get(`homeassistant/${spec.kind}/heatpump/${spec.key}/config`);
      assert.ok(c, spec.key);
      assert.equal(c.unique_id, `heatpump_insight_heatpump_${spec.key}`);
      assert.equal(c.device_class, spec.deviceClass);
      assert.equal(c.state_class, spec.stateClass);
      assert.equal(c.unit_of_measurement, spec.unit);
      assert.deepEqual(c.device, {
        identifiers: ['heatpump_insight_heatpump'],
        name: 'Heat pump',
        manufacturer: 'Thermia',
        model: 'Thermia heat pump (heatpump-bridge, husdata data)',
        sw_version: VERSION,
      });
      assert.deepEqual(c.availability, [
        { topic: 'heatpump-bridge/heatpump/availability' },
        { topic: `heatpump-bridge/heatpump/${spec.key}/availability` },
      ]);
    }
  });

  it('every entity is in the entity registry, with the REST adapter ids, under one device', async () => {
    const entries = await waitFor(
      'registry entries',
      async () => {
        const e = await ourEntries();
        return e.length === ENTITY_CATALOG.length ? e : undefined;
      },
      30_000,
    );
    assert.deepEqual(
      entries.map((e) => e.entity_id).sort(),
      ENTITY_CATALOG.map((s) => entityId(s, 'heatpump')).sort(),
    );
    const deviceIds = new Set(entries.map((e) => e.device_id));
    assert.equal(deviceIds.size, 1);
    const devices = await ws<DeviceEntry[]>('config/device_registry/list');
    const device = devices.find((d) => d.id === [...deviceIds][0]);
    assert.ok(device);
    assert.equal(device.name, 'Heat pump');
    assert.equal(device.manufacturer, 'Thermia');
    assert.equal(device.sw_version, VERSION);
    assert.deepEqual(device.identifiers, [['mqtt', 'heatpump_insight_heatpump']]);
  });

  it('the entities have states and the catalog attributes', async () => {
    // Each entity's state and availability arrive on their own topics, so HA applies them one by
    // one: wait until every state asserted below has landed, not only the first one looked at.
    const expected: Record<string, string> = {
      'sensor.heatpump_cop_today': '6.75',
      'sensor.heatpump_outdoor_temp': '-3',
      'binary_sensor.heatpump_compressor_running': 'on',
    };
    const all = await waitFor(
      'states',
      async () => {
        const now = await states();
        const settled =
          Object.entries(expected).every(([id, state]) => now.get(id)?.state === state) &&
          now.get('binary_sensor.heatpump_alarm')?.attributes.code === 10;
        return settled ? now : undefined;
      },
      20_000,
    );
    for (const spec of ENTITY_CATALOG) {
      const s = all.get(entityId(spec, 'heatpump'));
      assert.ok(s, spec.key);
      assert.equal(s.attributes.friendly_name, `Heat pump ${spec.name}`);
      assert.equal(s.attributes.unit_of_measurement, spec.unit, spec.key);
      assert.equal(s.attributes.device_class, spec.deviceClass, spec.key);
      assert.equal(s.attributes.state_class, spec.stateClass, spec.key);
    }
    assert.equal(all.get('sensor.heatpump_outdoor_temp')?.state, '-3');
    assert.equal(all.get('binary_sensor.heatpump_compressor_running')?.state, 'on');
    assert.equal(all.get('binary_sensor.heatpump_alarm')?.attributes.code, 10);
    // No hot gas signal in the data: unavailable, as over REST.
    assert.equal(all.get('sensor.heatpump_hot_gas_temp')?.state, 'unavailable');
  });

  it('goes unavailable when the bridge stops and comes back when it starts', async () => {
    await bridge?.app.stop();
    bridge = undefined;
    await waitFor('all unavailable', expectAvailability(false), 15_000);
    bridge = await startBridge();
    await waitFor('all available', expectAvailability(true), 15_000);
    assert.equal((await states()).get('sensor.heatpump_cop_today')?.state, '6.75');
  });

  it('a killed bridge goes unavailable through the broker last will', async () => {
    await bridge?.app.stop();
    bridge = undefined;
    const child: LoggedProcess = spawnLogged({
      service: 'bridge-mqtt-child',
      command: process.execPath,
      args: ['--import', 'tsx', `${REPO_ROOT}/test/bridge/fixtures/mqtt-bridge-child.ts`],
      cwd: REPO_ROOT,
      env: {
        ...envWithout(/^(INFLUXDB_|HA_|HEATPUMP_|SUPERVISOR_TOKEN$)/),
        BRIDGE_CONFIG_JSON: JSON.stringify(bridgeConfig()),
      },
    });
    try {
      await waitFor(
        'child bridge running',
        async () => {
          if (child.exitInfo() !== undefined) throw new Error(`child exited:\n${child.tail()}`);
          return /^running$/m.test(readFileSync(child.logFile, 'utf8')) ? true : undefined;
        },
        30_000,
      );
      await waitFor('all available', expectAvailability(true), 15_000);
      child.child.kill('SIGKILL');
      await child.exited;
      // keepalive 5 s: the broker gives up after 1.5 x keepalive and publishes the will.
      await waitFor('all unavailable after the will', expectAvailability(false), 20_000);
    } finally {
      await child.stop(2_000);
    }
    bridge = await startBridge();
    await waitFor('all available again', expectAvailability(true), 15_000);
  });

  it('removing a metric from the config removes its entity (empty retained config)', async () => {
    await bridge?.app.stop();
    const keep = ENTITY_CATALOG.map((s) => s.key).filter((k) => !REMOVED.includes(k));
    bridge = await startBridge({ metrics: keep });
    const entries = await waitFor(
      'removed entities gone from the registry',
      async () => {
        const e = await ourEntries();
        return e.length === keep.length ? e : undefined;
      },
      20_000,
    );
    const ids = entries.map((e) => e.entity_id);
    assert.ok(!ids.includes('sensor.heatpump_hot_gas_temp'));
    assert.ok(!ids.includes('sensor.heatpump_degree_minutes'));
    assert.ok(ids.includes('sensor.heatpump_cop_today'));
    const all = await states();
    assert.equal(all.has('sensor.heatpump_hot_gas_temp'), false);
  });

  it('a wrong MQTT password stops start with MqttAuthError (exit code 3)', async () => {
    const config = configSchema.parse({
      mqtt: { url: broker.url, username: USER.username, password: 'wrong-password' },
    });
    const publisher = createMqttPublisher(config, createLogger({ level: 'silent' }));
    await assert.rejects(publisher.start(), (error: unknown) => {
      assert.ok(error instanceof MqttAuthError);
      assert.equal(exitCodeFor(error), EXIT.auth);
      return true;
    });
  });

  it("Home Assistant's MQTT integration logged no warning or error about our messages", () => {
    const bad = readFileSync(ha.logFile, 'utf8')
      .split('\n')
      .filter((l) => /(WARNING|ERROR).*\[homeassistant\.components\.mqtt/.test(l));
    assert.deepEqual(bad, []);
  });

  it('the MQTT password never appears in the logs', () => {
    assert.ok(logLines.length > 5);
    assert.ok(!logLines.join('').includes(USER.password));
  });
});
