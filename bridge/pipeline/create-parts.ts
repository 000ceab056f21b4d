import { createGenericProvider, getProvider, type BrandProvider } from '../../src/providers/index.js';
import { resolveMetricOptions, type MetricOptions } from '../../src/metrics/options.js';
import { ConfigError } from '../config/config-error.js';
import type { BridgeConfig } from '../config/schema.js';
import { InfluxSource } from '../influx/influx-source.js';
import type { Logger } from '../log/logger.js';
import { selectEntities } from '../publish/entity-catalog.js';
import { createHaRestWriter } from '../publish/ha-rest.js';
import { MqttPublisher } from '../publish/mqtt-publisher.js';
import { connectMqtt, type MqttConnect } from '../publish/mqtt-transport.js';
import { HaSession } from '../publish/ha-session.js';
import { StateBuilder } from '../publish/state-builder.js';
import { providerMapper } from '../sources/row-mapper.js';
import type { SampleSource } from '../sources/sample-source.js';
import { VERSION } from '../../src/version.js';

/** Factories from config to parts; constructors only assign, nothing connects here. */

export function providerFor(config: BridgeConfig): BrandProvider {
  if (config.brand === 'generic') return createGenericProvider();
  const base = getProvider(config.brand);
  const kw = config.metrics.aux_heater_kw;
  // A single nominal kW only makes sense for percent-driven aux heaters; step brands keep their table.
  if (kw !== undefined && base.aux.kind === 'percent')
    return getProvider(config.brand, { aux: { kind: 'percent', nominalKw: kw } });
  return base;
}

export function createInfluxSource(config: BridgeConfig): SampleSource & InfluxSource {
  return new InfluxSource({
    influx: config.influxdb,
    source: config.source,
    mapper: providerMapper({
      provider: providerFor(config),
      restrictToKnownNames: config.source.layout === 'husdata',
    }),
  });
}

export function metricOptionsFor(config: BridgeConfig): MetricOptions {
  const [sm, sd] = config.metrics.heating_season_start.split('-').map(Number) as [number, number];
  const [em, ed] = config.metrics.heating_season_end.split('-').map(Number) as [number, number];
  return resolveMetricOptions({
    flowFactorKwPerK: config.metrics.flow_factor_kw_per_k,
    staleMs: config.metrics.stale_after_minutes * 60_000,
    shortCycleMs: config.metrics.short_cycle_minutes * 60_000,
    minHotWaterCycleMs: config.metrics.hot_water_min_cycle_minutes * 60_000,
    timeZone: config.timezone,
    sourceType: config.metrics.source_type,
    electricityScope: config.metrics.electricity_scope,
    heatingSeason: { startMonth: sm, startDay: sd, endMonth: em, endDay: ed },
  });
}

/** `run` and `backfill` cannot work without a token: a config error (exit 2) naming the key. */
export function requireHaToken(config: BridgeConfig): string {
  const token = config.homeassistant.token;
  if (token === undefined)
    throw new ConfigError([
      {
        path: 'homeassistant.token',
        message: 'is required (set HA_TOKEN, HA_TOKEN_FILE, homeassistant.token or homeassistant.token_file)',
      },
    ]);
  return token;
}

export function createHaSession(config: BridgeConfig, logger: Logger, waitForHa: boolean): HaSession {
  return new HaSession({
    url: config.homeassistant.url,
    token: requireHaToken(config),
    heartbeatMs: config.homeassistant.heartbeat_seconds * 1000,
    timeoutMs: config.homeassistant.timeout_ms,
    logger,
    waitForHa,
  });
}

export function createHaWriter(config: BridgeConfig): ReturnType<typeof createHaRestWriter> {
  return createHaRestWriter({
    url: config.homeassistant.url,
    token: requireHaToken(config),
    timeoutMs: config.homeassistant.timeout_ms,
  });
}

export function createStateBuilder(config: BridgeConfig): StateBuilder {
  return new StateBuilder({
    deviceSlug: config.publish.device_slug,
    deviceName: config.publish.device_name,
    entities: selectEntities(config.publish.metrics),
    timeZone: config.timezone,
  });
}

/** The MQTT discovery publisher; the device block names the brand and this bridge's version. */
export function createMqttPublisher(
  config: BridgeConfig,
  logger: Logger,
  connect: MqttConnect = connectMqtt,
): MqttPublisher {
  const { mqtt, publish } = config;
  const brand = providerFor(config).displayName;
  return new MqttPublisher({
    connect,
    url: mqtt.url,
    username: mqtt.username,
    password: mqtt.password,
    clientId: mqtt.client_id ?? `heatpump-bridge-${publish.device_slug}`,
    keepaliveSeconds: mqtt.keepalive_seconds,
    timeoutMs: config.homeassistant.timeout_ms,
    topics: { discoveryPrefix: mqtt.discovery_prefix, baseTopic: mqtt.base_topic },
    device: {
      slug: publish.device_slug,
      name: publish.device_name,
      manufacturer: brand,
      model: `${brand} heat pump (heatpump-bridge, ${config.source.layout} data)`,
      swVersion: VERSION,
    },
    entities: selectEntities(publish.metrics),
    // REST states own the plain ids when both run; HA would otherwise suffix the MQTT ones `_2`.
    ...(publish.via === 'both' ? { objectIdSlug: `${publish.device_slug}_mqtt` } : {}),
    logger,
  });
}
