// @ts-check
/**
 * Home Assistant add-on: maps the add-on options (/data/options.json, validated by the Supervisor
 * against `schema` in config.yaml) onto the bridge's config file. The sections mirror the bridge's
 * config schema key for key, so the mapping only drops unset values, turns `role=entity_id` lines
 * into a map, and fills in the MQTT broker the Supervisor offers (the Mosquitto add-on) when
 * `publish.via` needs one and none is set. The Home Assistant URL and token are not options: the
 * bridge takes SUPERVISOR_TOKEN and http://supervisor/core from the environment.
 *
 * Usage: node options-to-config.mjs /data/options.json /tmp/heatpump-bridge.json
 * Plain JavaScript so the add-on image runs it without a build; tested by
 * test/bridge/addon/addon-options.test.ts through the bridge's own config loader.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Sections copied as they are (after dropping unset values). */
const SECTIONS = ['source', 'influxdb', 'publish', 'metrics', 'mqtt'];

/**
 * @typedef {{ host: string, port: number, ssl?: boolean, username?: string, password?: string }} MqttService
 *   What the Supervisor's `GET /services/mqtt` answers in `data`.
 */

/**
 * @param {Record<string, unknown>} options the add-on options
 * @param {{ mqttService?: MqttService | undefined, timeZone?: string | undefined }} [context]
 *   `timeZone`: HA's, from the TZ the Supervisor sets; used when the `timezone` option is empty.
 * @returns {Record<string, unknown>} a bridge config tree (validated later by the bridge)
 */
export function optionsToConfig(options, context = {}) {
  /** @type {Record<string, unknown>} */
  const config = {};
  for (const key of ['brand', 'timezone']) {
    const value = options[key];
    if (isSet(value)) config[key] = value;
  }
  // run.sh starts the bridge without TZ (the environment would win over the option), so HA's
  // zone comes in here instead.
  if (
    !isSet(config.timezone) &&
    isSet(context.timeZone) &&
    /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(String(context.timeZone))
  )
    config.timezone = context.timeZone;
  for (const section of SECTIONS) {
    const value = options[section];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const cleaned = dropUnset(/** @type {Record<string, unknown>} */ (value));
      if (Object.keys(cleaned).length > 0) config[section] = cleaned;
    }
  }
  const source = /** @type {Record<string, unknown> | undefined} */ (config.source);
  if (source !== undefined && Array.isArray(source.entities))
    source.entities = roleMap(/** @type {unknown[]} */ (source.entities));
  const publish = /** @type {Record<string, unknown> | undefined} */ (config.publish);
  // An empty list in the add-on UI means "everything".
  if (publish !== undefined && Array.isArray(publish.metrics) && publish.metrics.length === 0)
    delete publish.metrics;
  if (isSet(options.log_level)) config.log = { level: options.log_level };
  const via = publish?.via ?? 'rest';
  const mqtt = /** @type {Record<string, unknown>} */ (config.mqtt ?? {});
  if (via !== 'rest' && mqtt.url === undefined && context.mqttService !== undefined) {
    const s = context.mqttService;
    mqtt.url = `${s.ssl ? 'mqtts' : 'mqtt'}://${s.host}:${s.port}`;
    if (isSet(s.username) && mqtt.username === undefined) mqtt.username = s.username;
    if (isSet(s.password) && mqtt.password === undefined) mqtt.password = s.password;
    config.mqtt = mqtt;
  }
  return config;
}

/** @param {unknown} value */
function isSet(value) {
  return value !== undefined && value !== null && value !== '';
}

/**
 * @param {Record<string, unknown>} object
 * @returns {Record<string, unknown>}
 */
function dropUnset(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => isSet(v)));
}

/**
 * `["outdoor_temp=sensor.outdoor", ...]` -> `{ outdoor_temp: "sensor.outdoor" }`; a line without
 * `=` is kept under its own text so the bridge's validation names it.
 * @param {unknown[]} lines
 */
function roleMap(lines) {
  /** @type {Record<string, string>} */
  const map = {};
  for (const line of lines) {
    const text = String(line).trim();
    const at = text.indexOf('=');
    if (at < 0) map[text] = '';
    else map[text.slice(0, at).trim()] = text.slice(at + 1).trim();
  }
  return map;
}

/** The Supervisor's MQTT service (Mosquitto add-on), or undefined when there is none. */
async function fetchMqttService() {
  const token = process.env.SUPERVISOR_TOKEN;
  if (!token) return undefined;
  try {
    const res = await fetch('http://supervisor/services/mqtt', {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return undefined;
    const body = /** @type {{ data?: MqttService }} */ (await res.json());
    return body.data;
  } catch {
    return undefined;
  }
}

async function main() {
  const [input = '/data/options.json', output = '/tmp/heatpump-bridge.json'] = process.argv.slice(2);
  const options = JSON.parse(await readFile(input, 'utf8'));
  const via = options.publish?.via ?? 'rest';
  const mqttService = via !== 'rest' && !options.mqtt?.url ? await fetchMqttService() : undefined;
  const config = optionsToConfig(options, { mqttService, timeZone: process.env.TZ });
  // Holds secrets: readable by this user only.
  await writeFile(output, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`add-on options: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
