import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../../bridge/config/config-error.js';
import { loadConfig } from '../../../bridge/config/load-config.js';
import { configSecrets } from '../../../bridge/log/logger.js';
import { createLogger } from '../../../bridge/log/logger.js';
import { createBridgeApp } from '../../../bridge/pipeline/create-app.js';
import { MqttPublisher } from '../../../bridge/publish/mqtt-publisher.js';
import { HaPublisher } from '../../../bridge/publish/ha-publisher.js';

async function problems(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('mqtt and publish.via config', () => {
  it('defaults: REST publishing, broker on localhost, HA discovery prefix', async () => {
    const c = await loadConfig({ env: {} });
    assert.equal(c.publish.via, 'rest');
    assert.deepEqual(c.mqtt, {
      url: 'mqtt://localhost:1883',
      discovery_prefix: 'homeassistant',
      base_topic: 'heatpump-bridge',
      keepalive_seconds: 30,
    });
  });

  it('reads the password from a file and keeps it out of the logs', async () => {
    const c = await loadConfig({
      env: {
        HEATPUMP_BRIDGE__PUBLISH__VIA: 'both',
        HEATPUMP_BRIDGE__MQTT__URL: 'mqtts://broker.lan:8883',
        HEATPUMP_BRIDGE__MQTT__USERNAME: 'bridge',
        HEATPUMP_BRIDGE__MQTT__PASSWORD_FILE: '/run/secrets/mqtt',
        HEATPUMP_BRIDGE__MQTT__BASE_TOPIC: '1234',
      },
      readTextFile: async (p) => (p === '/run/secrets/mqtt' ? 's3cret-mqtt\n' : Promise.reject(new Error(p))),
    });
    assert.equal(c.publish.via, 'both');
    assert.equal(c.mqtt.password, 's3cret-mqtt');
    // Topic names stay strings even when they look like numbers.
    assert.equal(c.mqtt.base_topic, '1234');
    assert.ok(configSecrets(c).includes('s3cret-mqtt'));
  });

  it('names the bad key', async () => {
    const msg = await problems(
      loadConfig({
        env: {
          HEATPUMP_BRIDGE__MQTT__URL: 'http://broker',
          HEATPUMP_BRIDGE__MQTT__BASE_TOPIC: 'a/+/b',
          HEATPUMP_BRIDGE__PUBLISH__VIA: 'smoke-signals',
        },
      }),
    );
    assert.match(msg, /mqtt\.url .*must be an mqtt:\/\/, mqtts:\/\/, ws:\/\/ or wss:\/\/ URL/);
    assert.match(msg, /mqtt\.base_topic .*without \+, #/);
    assert.match(msg, /publish\.via .*must be one of "rest", "mqtt", "both"/);
    const twins = await problems(
      loadConfig({
        path: '/c.yaml',
        env: {},
        readTextFile: async () => 'mqtt:\n  password: a\n  password_file: /b\n',
      }),
    );
    assert.match(twins, /mqtt\.password_file .*either password or password_file/);
  });

  it('the composition root picks the publisher from publish.via', async () => {
    const logger = createLogger({ level: 'silent' });
    const make = async (env: Record<string, string>) =>
      createBridgeApp({ config: await loadConfig({ env }), logger, source: undefined });
    const rest = await make({ HA_TOKEN: 'tok-1234' });
    assert.ok(rest.publisher instanceof HaPublisher);
    const mqtt = await make({ HEATPUMP_BRIDGE__PUBLISH__VIA: 'mqtt' });
    assert.ok(mqtt.publisher instanceof MqttPublisher);
    // MQTT without an HA token: no WebSocket session, so no statistics import.
    assert.equal(mqtt.session, undefined);
    const both = await make({ HEATPUMP_BRIDGE__PUBLISH__VIA: 'both', HA_TOKEN: 'tok-1234' });
    assert.ok(!(both.publisher instanceof HaPublisher) && !(both.publisher instanceof MqttPublisher));
    assert.notEqual(both.session, undefined);
  });
});
