import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../../../bridge/log/logger.js';
import { ENTITY_CATALOG, selectEntities } from '../../../bridge/publish/entity-catalog.js';
import { discoveryConfig, stateMessages, type DeviceInfo } from '../../../bridge/publish/mqtt-discovery.js';
import { MqttPublisher } from '../../../bridge/publish/mqtt-publisher.js';
import {
  MqttAuthError,
  type MqttConnect,
  type MqttConnectOptions,
  type MqttEvents,
  type MqttTransport,
} from '../../../bridge/publish/mqtt-transport.js';
import { fanOut, type Publisher } from '../../../bridge/publish/publisher.js';
import { StateBuilder } from '../../../bridge/publish/state-builder.js';
import { snapshotFixture } from '../fixtures/snapshot.js';

const device: DeviceInfo = {
  slug: 'hp1',
  name: 'Heat pump',
  manufacturer: 'NIBE',
  model: 'NIBE heat pump',
  swVersion: '9.9.9',
};
const topics = { discoveryPrefix: 'homeassistant', baseTopic: 'heatpump-bridge' };

/** An in-memory broker connection: records retained publishes, lets the test connect/drop it. */
class FakeMqtt {
  connected = false;
  options: MqttConnectOptions | undefined;
  events: MqttEvents | undefined;
  readonly retained = new Map<string, string>();
  readonly log: { topic: string; payload: string }[] = [];
  subscriptions: string[] = [];
  ended = false;

  readonly connect: MqttConnect = (options, events) => {
    this.options = options;
    this.events = events;
    return new FakeTransport(this);
  };

  up(): void {
    this.connected = true;
    this.events?.onConnect();
  }

  drop(): void {
    this.connected = false;
    this.events?.onClose();
    // The broker publishes the will for a vanished client.
    if (this.options) this.retained.set(this.options.will.topic, this.options.will.payload);
  }
}

class FakeTransport implements MqttTransport {
  constructor(private readonly broker: FakeMqtt) {}
  get connected(): boolean {
    return this.broker.connected;
  }
  async publish(topic: string, payload: string, { retain }: { retain: boolean }): Promise<void> {
    if (!this.broker.connected) throw new Error('not connected');
    this.broker.log.push({ topic, payload });
    if (retain) this.broker.retained.set(topic, payload);
  }
  async subscribe(topic: string): Promise<void> {
    this.broker.subscriptions.push(topic);
  }
  async end(): Promise<void> {
    this.broker.ended = true;
    this.broker.connected = false;
  }
}

function publisher(fake: FakeMqtt, metrics: 'all' | string[] = 'all', timeoutMs = 1_000): MqttPublisher {
  return new MqttPublisher({
    connect: fake.connect,
    url: 'mqtt://broker:1883',
    clientId: 'heatpump-bridge-hp1',
    keepaliveSeconds: 30,
    timeoutMs,
    topics,
    device,
    entities: selectEntities(metrics),
    logger: createLogger({ level: 'silent' }),
  });
}

const states = () =>
  new StateBuilder({
    deviceSlug: 'hp1',
    deviceName: 'Heat pump',
    entities: ENTITY_CATALOG,
    timeZone: 'UTC',
  }).build(snapshotFixture());

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('MQTT discovery messages', () => {
  it('builds the discovery config from the catalog entry', () => {
    const spec = ENTITY_CATALOG.find((e) => e.key === 'electrical_energy_total');
    assert.ok(spec);
    assert.deepEqual(discoveryConfig({ spec, device, topics }), {
      name: 'Electrical energy total',
      object_id: 'hp1_electrical_energy_total',
      unique_id: 'heatpump_insight_hp1_electrical_energy_total',
      state_topic: 'heatpump-bridge/hp1/electrical_energy_total/state',
      json_attributes_topic: 'heatpump-bridge/hp1/electrical_energy_total/attributes',
      availability: [
        { topic: 'heatpump-bridge/hp1/availability' },
        { topic: 'heatpump-bridge/hp1/electrical_energy_total/availability' },
      ],
      availability_mode: 'all',
      payload_available: 'online',
      payload_not_available: 'offline',
      icon: 'mdi:lightning-bolt',
      device_class: 'energy',
      state_class: 'total_increasing',
      unit_of_measurement: 'kWh',
      suggested_display_precision: 3,
      device: {
        identifiers: ['heatpump_insight_hp1'],
        name: 'Heat pump',
        manufacturer: 'NIBE',
        model: 'NIBE heat pump',
        sw_version: '9.9.9',
      },
      origin: { name: 'heatpump-bridge', sw_version: '9.9.9' },
    });
  });

  it('with publish.via both the MQTT entity ids get their own middle part', () => {
    const spec = ENTITY_CATALOG.find((e) => e.key === 'cop_now');
    assert.ok(spec);
    const c = discoveryConfig({ spec, device, topics, objectIdSlug: 'hp1_mqtt' });
    assert.equal(c.object_id, 'hp1_mqtt_cop_now');
    assert.equal(c.unique_id, 'heatpump_insight_hp1_cop_now');
  });

  it('binary sensors say on/off and carry no unit or state class', () => {
    const spec = ENTITY_CATALOG.find((e) => e.key === 'alarm');
    assert.ok(spec);
    const c = discoveryConfig({ spec, device, topics });
    assert.equal(c.payload_on, 'on');
    assert.equal(c.payload_off, 'off');
    assert.equal(c.device_class, 'problem');
    assert.equal('unit_of_measurement' in c, false);
    assert.equal('state_class' in c, false);
  });

  it('an unavailable state keeps the old value and marks the entity offline', () => {
    const msgs = stateMessages({
      state: { entity_id: 'sensor.hp1_cop_7d', state: 'unavailable', attributes: { icon: 'x', reason: 'r' } },
      key: 'cop_7d',
      device,
      topics,
    });
    assert.deepEqual(msgs, [
      { topic: 'heatpump-bridge/hp1/cop_7d/attributes', payload: '{"reason":"r"}' },
      { topic: 'heatpump-bridge/hp1/cop_7d/availability', payload: 'offline' },
    ]);
  });
});

describe('MqttPublisher', () => {
  it('announces online, one config per selected entity, removals for the rest, and the last will', async () => {
    const fake = new FakeMqtt();
    const p = publisher(fake, ['cop_now', 'alarm']);
    const started = p.start();
    fake.up();
    await started;
    assert.deepEqual(fake.options?.will, { topic: 'heatpump-bridge/hp1/availability', payload: 'offline' });
    assert.equal(fake.retained.get('heatpump-bridge/hp1/availability'), 'online');
    const configs = [...fake.retained].filter(([t]) => t.endsWith('/config'));
    assert.equal(configs.length, ENTITY_CATALOG.length);
    assert.deepEqual(
      configs.filter(([, v]) => v !== '').map(([t]) => t),
      ['homeassistant/sensor/hp1/cop_now/config', 'homeassistant/binary_sensor/hp1/alarm/config'],
    );
    assert.equal(fake.retained.get('homeassistant/sensor/hp1/hot_gas_temp/config'), '');
    assert.deepEqual(fake.subscriptions, ['homeassistant/status']);
    await p.stop();
  });

  it('publishes states, skips unchanged ones, and says offline on stop', async () => {
    const fake = new FakeMqtt();
    const p = publisher(fake);
    const started = p.start();
    fake.up();
    await started;
    const result = await p.publish(states());
    assert.deepEqual(result, { written: ENTITY_CATALOG.length, failed: 0 });
    assert.equal(fake.retained.get('heatpump-bridge/hp1/cop_now/state'), '3.46');
    assert.equal(fake.retained.get('heatpump-bridge/hp1/alarm/state'), 'on');
    assert.equal(JSON.parse(fake.retained.get('heatpump-bridge/hp1/alarm/attributes') ?? '{}').code, 10);
    const before = fake.log.length;
    await p.publish(states());
    assert.equal(fake.log.length, before, 'nothing changed, nothing sent');
    await p.stop();
    assert.equal(fake.retained.get('heatpump-bridge/hp1/availability'), 'offline');
    assert.equal(fake.ended, true);
  });

  it('while the broker is away the cycle fails; on reconnect everything is sent again', async () => {
    const fake = new FakeMqtt();
    const p = publisher(fake);
    const started = p.start();
    fake.up();
    await started;
    await p.publish(states());
    fake.drop();
    assert.equal(fake.retained.get('heatpump-bridge/hp1/availability'), 'offline');
    assert.deepEqual(await p.publish(states()), { written: 0, failed: ENTITY_CATALOG.length });
    const before = fake.log.length;
    fake.up();
    await settle();
    assert.equal(p.republishes, 1);
    assert.equal(fake.retained.get('heatpump-bridge/hp1/availability'), 'online');
    // Configs + online + every entity's attributes/state/availability again.
    assert.ok(fake.log.length - before > 2 * ENTITY_CATALOG.length, String(fake.log.length - before));
    await p.stop();
  });

  it("republishes when Home Assistant's birth message arrives", async () => {
    const fake = new FakeMqtt();
    const p = publisher(fake);
    const started = p.start();
    fake.up();
    await started;
    await p.publish(states());
    fake.events?.onMessage('homeassistant/status', 'offline');
    await settle();
    assert.equal(p.republishes, 0);
    fake.events?.onMessage('homeassistant/status', 'online');
    await settle();
    assert.equal(p.republishes, 1);
    await p.stop();
  });

  it('a broker that does not answer does not block start; refused credentials reject it', async () => {
    const silent = new FakeMqtt();
    const p = publisher(silent, 'all', 20);
    await p.start();
    assert.equal(p.connected, false);
    await p.stop();

    const refusing = new FakeMqtt();
    const q = publisher(refusing);
    const started = q.start();
    refusing.events?.onError(new MqttAuthError('Connection refused: Not authorized'));
    await assert.rejects(started, MqttAuthError);
    assert.equal(refusing.ended, true);
  });

  it('credentials refused on a reconnect make the next publish throw (the scheduler treats it as fatal)', async () => {
    const fake = new FakeMqtt();
    const p = publisher(fake);
    const started = p.start();
    fake.up();
    await started;
    fake.drop();
    fake.events?.onError(new MqttAuthError('Connection refused: Bad username or password'));
    await assert.rejects(p.publish(states()), MqttAuthError);
    await p.stop();
  });
});

describe('fanOut', () => {
  const recording = (name: string, log: string[], fail?: Error): Publisher => ({
    start: async () => void log.push(`start ${name}`),
    stop: async () => void log.push(`stop ${name}`),
    publish: async (s) => {
      if (fail) throw fail;
      return { written: s.length, failed: 0 };
    },
    lastStates: [],
    republishes: 1,
  });

  it('starts in order, stops in reverse, adds results and republish counts', async () => {
    const log: string[] = [];
    const both = fanOut([recording('rest', log), recording('mqtt', log)]);
    await both.start();
    assert.deepEqual(await both.publish(states()), { written: 2 * ENTITY_CATALOG.length, failed: 0 });
    assert.equal(both.lastStates.length, ENTITY_CATALOG.length);
    assert.equal(both.republishes, 2);
    await both.stop();
    assert.deepEqual(log, ['start rest', 'start mqtt', 'stop mqtt', 'stop rest']);
  });

  it('throws the first error (an auth error must stay fatal)', async () => {
    const both = fanOut([recording('rest', [], new Error('auth')), recording('mqtt', [])]);
    await assert.rejects(both.publish(states()), /auth/);
  });
});
