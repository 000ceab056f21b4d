/**
 * The Home Assistant add-on (addon/): its options map onto the bridge's config schema. Options are
 * pushed through addon/options-to-config.mjs and then the bridge's own loader, with the environment
 * the Supervisor gives an add-on (SUPERVISOR_TOKEN, TZ), so a drift between the add-on's schema
 * and the bridge's shows up here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../../../bridge/config/load-config.js';
import { configSchema } from '../../../bridge/config/schema.js';
import { optionsToConfig } from '../../../addon/options-to-config.mjs';
import { REPO_ROOT, makeTempDir, removeDir } from '../../harness/process.js';

const ADDON = join(REPO_ROOT, 'addon');
const SAMPLE = join(REPO_ROOT, 'test', 'bridge', 'fixtures', 'addon-options.json');
/** run.sh starts the bridge with SUPERVISOR_TOKEN but without TZ (mapped into the config instead). */
const SUPERVISOR_ENV = { SUPERVISOR_TOKEN: 'supervisor-token-1234' };

interface AddonConfig {
  version: string;
  slug: string;
  arch: string[];
  homeassistant_api: boolean;
  options: Record<string, unknown>;
  schema: Record<string, unknown>;
}
const addon = parseYaml(readFileSync(join(ADDON, 'config.yaml'), 'utf8')) as AddonConfig;

/** Loads a mapped options tree the way the add-on does: as the bridge's config file. */
async function load(tree: Record<string, unknown>, env: Record<string, string> = SUPERVISOR_ENV) {
  return loadConfig({
    path: '/tmp/heatpump-bridge.json',
    env,
    readTextFile: async () => JSON.stringify(tree),
  });
}

/** Leaf paths of the add-on schema: `influxdb.token`, `publish.metrics` ... */
function leaves(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? leaves(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

/** Whether a dotted path is a key of the bridge's config schema. */
function isBridgeKey(path: string): boolean {
  let schema: z.ZodType = configSchema;
  for (const key of path.split('.')) {
    while (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional)
      schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return false;
    const next = (schema.shape as Record<string, z.ZodType>)[key];
    if (next === undefined) return false;
    schema = next;
  }
  return true;
}

describe('Home Assistant add-on options', () => {
  it('config.yaml has the keys the Supervisor requires and the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const key of ['name', 'version', 'slug', 'description', 'arch']) assert.ok(key in addon, key);
    assert.equal(addon.version, pkg.version);
    assert.equal(addon.homeassistant_api, true);
  });

  it('every schema option is a bridge config key (log_level is log.level) and every option has a schema', () => {
    const schemaLeaves = leaves(addon.schema);
    const notBridge = schemaLeaves.filter((p) => p !== 'log_level' && !isBridgeKey(p));
    assert.deepEqual(notBridge, []);
    const unschematised = leaves(addon.options).filter((p) => !schemaLeaves.includes(p));
    assert.deepEqual(unschematised, []);
  });

  it('the default options load and keep the bridge defaults', async () => {
    const config = await load(optionsToConfig(addon.options, { timeZone: 'Europe/Berlin' }), {
      SUPERVISOR_TOKEN: SUPERVISOR_ENV.SUPERVISOR_TOKEN,
    });
    const defaults = configSchema.parse({});
    assert.deepEqual(config.metrics, defaults.metrics);
    assert.deepEqual({ ...config.publish }, { ...defaults.publish });
    assert.equal(config.mqtt.discovery_prefix, defaults.mqtt.discovery_prefix);
    assert.equal(config.mqtt.base_topic, defaults.mqtt.base_topic);
    assert.equal(config.influxdb.url, 'http://a0d7b954-influxdb:8086');
    // Home Assistant through the Supervisor's proxy, HA's time zone (the Supervisor's TZ).
    assert.equal(config.homeassistant.url, 'http://supervisor/core');
    assert.equal(config.homeassistant.token, 'supervisor-token-1234');
    assert.equal(config.timezone, 'Europe/Berlin');
  });

  it('a sample /data/options.json maps onto the bridge config key for key', async () => {
    const options = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;
    const config = await load(
      optionsToConfig(options, {
        timeZone: 'Europe/Berlin',
        mqttService: {
          host: 'core-mosquitto',
          port: 1883,
          ssl: false,
          username: 'addons',
          password: 'mq-pw',
        },
      }),
    );
    assert.equal(config.brand, 'nibe');
    assert.equal(config.timezone, 'Europe/Stockholm');
    assert.deepEqual(
      [config.influxdb.language, config.influxdb.token, config.influxdb.org, config.influxdb.bucket],
      ['flux', 'influx-addon-token', 'home', 'nibe'],
    );
    // Empty and null options are unset, not empty strings.
    assert.equal(config.influxdb.database, undefined);
    assert.equal(config.influxdb.username, undefined);
    assert.equal(config.source.sample_interval_seconds, 60);
    assert.deepEqual(config.publish.metrics, ['cop_now', 'cop_today', 'alarm']);
    assert.equal(config.publish.via, 'both');
    assert.equal(config.publish.device_slug, 'nibe_f1255');
    assert.equal(config.metrics.aux_heater_kw, 6.5);
    assert.equal(config.metrics.electricity_scope, 'heat_pump');
    assert.equal(config.log.level, 'debug');
    // No broker in the options: the Supervisor's Mosquitto service.
    assert.equal(config.mqtt.url, 'mqtt://core-mosquitto:1883');
    assert.equal(config.mqtt.username, 'addons');
    assert.equal(config.mqtt.password, 'mq-pw');
  });

  it('home-assistant layout: role=entity_id lines become the entities map; bad lines are named', async () => {
    const options = {
      ...addon.options,
      brand: 'generic',
      source: {
        layout: 'home-assistant',
        entities: ['outdoor_temp = sensor.outdoor', 'supply_temp=sensor.fwd'],
      },
    };
    const config = await load(optionsToConfig(options));
    assert.deepEqual(config.source.entities, { outdoor_temp: 'sensor.outdoor', supply_temp: 'sensor.fwd' });
    await assert.rejects(
      load(optionsToConfig({ ...options, source: { layout: 'home-assistant', entities: ['outdoor_temp'] } })),
      /source\.entities\.outdoor_temp/,
    );
  });

  it('an explicit broker wins over the Supervisor service; REST needs none', () => {
    const service = { host: 'core-mosquitto', port: 8883, ssl: true, username: 'u', password: 'p' };
    const explicit = optionsToConfig(
      { publish: { via: 'mqtt' }, mqtt: { url: 'mqtt://10.0.0.2:1883', username: 'me' } },
      { mqttService: service },
    );
    assert.deepEqual(explicit.mqtt, { url: 'mqtt://10.0.0.2:1883', username: 'me' });
    const viaService = optionsToConfig({ publish: { via: 'mqtt' } }, { mqttService: service });
    assert.deepEqual(viaService.mqtt, { url: 'mqtts://core-mosquitto:8883', username: 'u', password: 'p' });
    assert.equal(optionsToConfig({ publish: { via: 'rest' } }, { mqttService: service }).mqtt, undefined);
  });

  it('run.sh writes a private config file from the options and starts the bridge with it', async () => {
    const dir = await makeTempDir('heatpump-addon');
    try {
      const configFile = join(dir, 'bridge.json');
      const { stdout } = await promisify(execFile)('sh', [join(ADDON, 'run.sh')], {
        env: {
          PATH: process.env.PATH ?? '',
          TZ: 'Europe/Berlin',
          ADDON_OPTIONS: SAMPLE,
          ADDON_BRIDGE_CONFIG: configFile,
          ADDON_MAPPER: join(ADDON, 'options-to-config.mjs'),
          // Stands in for the bridge: shows the arguments it would get.
          ADDON_BRIDGE_BIN: 'echo heatpump-bridge',
        },
      });
      assert.equal(stdout.trim(), `heatpump-bridge --config ${configFile} run`);
      // The option wins over the Supervisor's TZ.
      assert.match(readFileSync(configFile, 'utf8'), /"timezone": "Europe\/Stockholm"/);
      assert.equal(statSync(configFile).mode & 0o777, 0o600);
      const config = await loadConfig({ path: configFile, env: SUPERVISOR_ENV });
      assert.equal(config.publish.device_slug, 'nibe_f1255');
      assert.equal(config.homeassistant.url, 'http://supervisor/core');
    } finally {
      await removeDir(dir);
    }
  });
});
