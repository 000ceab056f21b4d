import { z } from 'zod';
import { ROLE_NAMES, isRole } from '../../src/model/index.js';
import { CATALOG_KEYS } from '../publish/entity-catalog.js';

/**
 * The bridge configuration: one YAML file, every key overridable from the environment
 * (see env-overrides.ts). Strict objects, so a misspelt key is an error that names it
 * instead of a silently ignored setting.
 */

/** Identifiers that end up inside Flux/InfluxQL text; the builders escape them too, this just rejects nonsense early. */
const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  // Control characters (newlines above all) have no business in a name; the builders escape them anyway.
  .refine(
    (s) => ![...s].some((c) => c.charCodeAt(0) < 0x20),
    'must not contain control characters or newlines',
  );

const httpUrl = z
  .string()
  .refine(
    (s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol),
    'must be an http:// or https:// URL',
  );

/** Divisors of an hour: every longer read window (window.ts) that is a multiple of one reads the copy. */
const DOWNSAMPLE_WINDOWS: readonly number[] = [1, 2, 5, 10, 15, 30, 60];

const secret = z.string().min(1, 'must not be empty');
const filePath = z.string().min(1, 'must not be empty');

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD, e.g. 09-01');

/** A role-level selector for the `custom` layout: exactly where one canonical signal lives. */
const customSignal = z.strictObject({
  measurement: identifier,
  field: identifier.default('value'),
  tags: z.record(identifier, z.string()).default({}),
});

/** `home-assistant` layout: role -> HA entity id as HA's InfluxDB integration stored it. */
const entityId = z
  .string()
  .regex(/^[a-z_]+\.[a-z0-9_]+$/, 'must be an entity id like sensor.outdoor_temperature');

export const sourceSchema = z.strictObject({
  layout: z
    .enum(['husdata', 'home-assistant', 'custom'])
    .default('husdata')
    .describe(
      "How the data is stored in InfluxDB: the Husdata collector, HA's InfluxDB integration, or a per-role mapping",
    ),
  measurement: identifier
    .optional()
    .describe(
      'husdata: the measurement (default `heatpump`); home-assistant: only this measurement (default: any)',
    ),
  field: identifier.default('value').describe('Field that holds the value'),
  name_tag: identifier.default('name').describe('husdata: tag that carries the register name'),
  entities: z
    .record(z.string(), entityId)
    .default({})
    .describe('home-assistant layout: role -> entity id, e.g. `outdoor_temp: sensor.outdoor_temperature`'),
  signals: z
    .record(z.string(), customSignal)
    .default({})
    .describe('custom layout: role -> `{measurement, field, tags}`'),
  sample_interval_seconds: z
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(30)
    .describe('Seconds between two points the logger writes: the finest aggregation window'),
});

export const influxSchema = z.strictObject({
  url: httpUrl.default('http://localhost:8086').describe('InfluxDB base URL'),
  language: z
    .enum(['auto', 'flux', 'influxql'])
    .default('auto')
    .describe('Query language; `auto` asks the server: Flux on 2.x, InfluxQL on 1.x'),
  token: secret.optional().describe('InfluxDB 2.x API token (secret; prefer `token_file`)'),
  token_file: filePath.optional().describe('File that holds the token (Docker secrets)'),
  org: identifier.optional().describe('InfluxDB 2.x organisation'),
  bucket: identifier.optional().describe('InfluxDB 2.x bucket (required for Flux)'),
  database: identifier.optional().describe('InfluxDB 1.x database (required for InfluxQL)'),
  retention_policy: identifier
    .optional()
    .describe('InfluxDB 1.x retention policy (default: the database default)'),
  username: z.string().optional().describe('InfluxDB 1.x user'),
  password: secret.optional().describe('InfluxDB 1.x password (secret; prefer `password_file`)'),
  password_file: filePath.optional().describe('File that holds the password'),
  timeout_ms: z.number().int().min(100).max(600_000).default(30_000).describe('Timeout of one query, ms'),
  gzip: z
    .boolean()
    .default(false)
    .describe(
      'Ask InfluxDB to gzip its answers: worth it over a slow link, a cost when InfluxDB runs on the same host',
    ),
  downsample_bucket: identifier
    .optional()
    .describe(
      'Flux: bucket the bridge keeps a downsampled copy of the data in and reads long ranges from (docs/DOWNSAMPLING.md); needs write access',
    ),
  downsample_retention_policy: identifier
    .optional()
    .describe(
      'InfluxQL: retention policy of the same database for the downsampled copy (docs/DOWNSAMPLING.md); needs write access',
    ),
  downsample_window_minutes: z
    .number()
    .int()
    .refine((m) => DOWNSAMPLE_WINDOWS.includes(m), `must be one of ${DOWNSAMPLE_WINDOWS.join(', ')}`)
    .optional()
    .describe(
      'Window of the downsampled copy (default 5 with Flux, 30 with InfluxQL); reads whose window is a multiple of it use the copy',
    ),
  downsample_backfill_days: z
    .number()
    .int()
    .min(1)
    .max(3660)
    .default(400)
    .describe('How far back the bridge fills the downsampled copy from the raw data'),
});

export const homeAssistantSchema = z.strictObject({
  url: httpUrl.default('http://localhost:8123').describe('Home Assistant base URL'),
  token: secret.optional().describe('Long-lived access token of an admin user (secret; prefer `token_file`)'),
  token_file: filePath.optional().describe('File that holds the token'),
  heartbeat_seconds: z
    .number()
    .int()
    .min(1)
    .max(600)
    .default(30)
    .describe('Seconds between WebSocket pings; no pong within the same time forces a reconnect'),
  timeout_ms: z
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(10_000)
    .describe('Timeout of a connection attempt and of a state write, ms'),
});

/** An MQTT topic level path: no wildcards, no empty levels, no leading or trailing slash. */
const topicPath = z
  .string()
  .regex(
    /^[^/#+\s]+(\/[^/#+\s]+)*$/,
    'must be topic levels like heatpump-bridge, without +, #, spaces or empty levels',
  );

const mqttUrl = z
  .string()
  .refine(
    (s) => URL.canParse(s) && /^(mqtts?|wss?):$/.test(new URL(s).protocol),
    'must be an mqtt://, mqtts://, ws:// or wss:// URL',
  );

export const mqttSchema = z.strictObject({
  url: mqttUrl
    .default('mqtt://localhost:1883')
    .describe('MQTT broker URL (used when `publish.via` is mqtt or both)'),
  username: z.string().optional().describe('MQTT user'),
  password: secret.optional().describe('MQTT password (secret; prefer `password_file`)'),
  password_file: filePath.optional().describe('File that holds the MQTT password'),
  client_id: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('MQTT client id (default `heatpump-bridge-<device_slug>`)'),
  discovery_prefix: topicPath
    .default('homeassistant')
    .describe("Home Assistant's MQTT discovery prefix (as set in HA's MQTT integration)"),
  base_topic: topicPath
    .default('heatpump-bridge')
    .describe('Topics of states and availability: `<base_topic>/<device_slug>/...`'),
  keepalive_seconds: z
    .number()
    .int()
    .min(5)
    .max(3600)
    .default(30)
    .describe('MQTT keep-alive; the broker marks the bridge offline about 1.5 x this after it vanishes'),
});

export const publishSchema = z.strictObject({
  via: z
    .enum(['rest', 'mqtt', 'both'])
    .default('rest')
    .describe('How states reach HA: REST states, MQTT discovery (registry entities with a device), or both'),
  interval_seconds: z
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(30)
    .describe('Seconds between two publishing cycles'),
  long_range_refresh_minutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .describe('How often the long ranges (7 d, 30 d, season) are queried again, minutes'),
  recent_range_full_refresh_minutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(15)
    .describe('Minutes between full re-reads of the recent 25 h (others read its last hour); 0 = always'),
  long_range_full_refresh_hours: z
    .number()
    .int()
    .min(0)
    .max(168)
    .default(24)
    .describe('Hours between full re-reads of the long range (others read its last windows); 0 = always'),
  device_slug: z
    .string()
    .regex(
      /^[a-z0-9]+(_[a-z0-9]+)*$/,
      'must be lower-case letters, digits and single underscores, e.g. heatpump',
    )
    .default('heatpump')
    .describe('Middle part of every entity id: `sensor.<device_slug>_cop_today`'),
  device_name: z.string().min(1).default('Heat pump').describe('Start of every friendly name'),
  metrics: z
    .union([z.literal('all'), z.array(z.string().min(1)).min(1)])
    .default('all')
    .describe('`all` or a list of metric keys (docs/ENTITIES.md) to publish'),
  statistics: z.boolean().default(true).describe('Import hourly energy and COP into HA long-term statistics'),
});

export const metricsSchema = z.strictObject({
  flow_factor_kw_per_k: z
    .number()
    .positive()
    .max(100)
    .default(2.7)
    .describe(
      'Heat estimate without a heat meter: kW per K of supply - return while running (flow l/s x 4.18)',
    ),
  aux_heater_kw: z
    .number()
    .positive()
    .max(100)
    .optional()
    .describe(
      "Nominal aux heater kW at 100 % for brands that report a percentage (default: the brand's, Thermia 9)",
    ),
  short_cycle_minutes: z
    .number()
    .positive()
    .max(240)
    .default(10)
    .describe('A compressor cycle shorter than this is a short cycle'),
  hot_water_min_cycle_minutes: z
    .number()
    .min(0)
    .max(240)
    .default(2)
    .describe('Hot-water cycles shorter than this are ignored (valve flicker)'),
  stale_after_minutes: z
    .number()
    .positive()
    .max(1440)
    .default(15)
    .describe('A value holds at most this long after its sample; beyond it is a gap'),
  heating_season_start: monthDay.default('09-01').describe('First day (MM-DD) of the heating season'),
  heating_season_end: monthDay.default('05-31').describe('Last day (MM-DD) of the heating season'),
  source_type: z
    .enum(['ground', 'air'])
    .default('ground')
    .describe('Heat source: brine (ground) or outdoor air; used by the normalised efficiency'),
  electricity_scope: z
    .enum(['compressor', 'heat_pump', 'unit'])
    .default('unit')
    .describe('What the electricity signal measures; decides the SPF boundary (H1, H2/H3, H4)'),
});

export const logSchema = z.strictObject({
  level: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level; logs are JSON lines on stderr (`--log-level` overrides)'),
});

export const configSchema = z
  .strictObject({
    brand: z
      .enum(['thermia', 'ivt', 'nibe', 'generic'])
      .default('thermia')
      .describe('Heat pump brand (register table and alarm texts); `generic` for role-keyed layouts'),
    timezone: z
      .string()
      .refine(isIanaZone, 'must be an IANA time zone such as Europe/Stockholm')
      .default('UTC')
      .describe('IANA time zone of "today" and the heating season'),
    source: sourceSchema.default(sourceSchema.parse({})),
    influxdb: influxSchema.default(influxSchema.parse({})),
    homeassistant: homeAssistantSchema.default(homeAssistantSchema.parse({})),
    publish: publishSchema.default(publishSchema.parse({})),
    mqtt: mqttSchema.default(mqttSchema.parse({})),
    metrics: metricsSchema.default(metricsSchema.parse({})),
    log: logSchema.default(logSchema.parse({})),
  })
  .superRefine((cfg, ctx) => {
    const add = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if (cfg.influxdb.token !== undefined && cfg.influxdb.token_file !== undefined)
      add(['influxdb', 'token_file'], 'set either token or token_file, not both');
    if (cfg.homeassistant.token !== undefined && cfg.homeassistant.token_file !== undefined)
      add(['homeassistant', 'token_file'], 'set either token or token_file, not both');
    if (cfg.mqtt.password !== undefined && cfg.mqtt.password_file !== undefined)
      add(['mqtt', 'password_file'], 'set either password or password_file, not both');
    if (cfg.source.layout === 'home-assistant' && Object.keys(cfg.source.entities).length === 0)
      add(['source', 'entities'], 'the home-assistant layout needs at least one role -> entity id');
    if (cfg.source.layout === 'custom' && Object.keys(cfg.source.signals).length === 0)
      add(['source', 'signals'], 'the custom layout needs at least one role -> {measurement, field, tags}');
    for (const [key, map] of [
      ['entities', cfg.source.entities],
      ['signals', cfg.source.signals],
    ] as const) {
      for (const role of Object.keys(map))
        if (!isRole(role)) add(['source', key, role], `unknown role; known roles: ${ROLE_NAMES.join(', ')}`);
    }
    if (cfg.publish.metrics !== 'all')
      cfg.publish.metrics.forEach((m, i) => {
        if (!CATALOG_KEYS.includes(m))
          add(['publish', 'metrics', i], `unknown metric "${m}"; known: ${CATALOG_KEYS.join(', ')}`);
      });
    if (cfg.source.layout !== 'husdata' && cfg.brand !== 'generic')
      add(['brand'], `layout ${cfg.source.layout} maps roles directly; use brand: generic`);
    if (
      cfg.influxdb.language === 'flux' &&
      cfg.influxdb.bucket === undefined &&
      cfg.influxdb.database === undefined
    )
      add(['influxdb', 'bucket'], 'Flux needs a bucket (or database[/retention_policy])');
    if (
      cfg.influxdb.language === 'influxql' &&
      cfg.influxdb.database === undefined &&
      cfg.influxdb.bucket === undefined
    )
      add(['influxdb', 'database'], 'InfluxQL needs a database');
  });

export type BridgeConfig = z.infer<typeof configSchema>;
export type SourceConfig = BridgeConfig['source'];
export type InfluxConfig = BridgeConfig['influxdb'];
export type HomeAssistantConfig = BridgeConfig['homeassistant'];
export type PublishConfig = BridgeConfig['publish'];
export type MetricsConfig = BridgeConfig['metrics'];
export type MqttConfig = BridgeConfig['mqtt'];

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
