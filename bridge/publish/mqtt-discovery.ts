import type { EntitySpec } from './entity-spec.js';
import type { EntityState } from './state-builder.js';

/**
 * MQTT discovery messages, built from the same entity catalog as the REST states. Pure: topics and
 * payloads only; mqtt-publisher.ts sends them.
 *
 * Topics (base = `<base_topic>/<device_slug>`):
 * - `<discovery_prefix>/<kind>/<device_slug>/<key>/config`: the discovery config (retained JSON);
 *   an empty retained payload removes the entity.
 * - `<base>/availability`: `online` / `offline` (retained; `offline` is also the last will).
 * - `<base>/<key>/state`: the state as REST would write it (`12.5`, `on`, ...; retained).
 * - `<base>/<key>/attributes`: the extra attributes as JSON (retained).
 * - `<base>/<key>/availability`: `offline` while the figure is unavailable (missing role, stale data).
 */

export interface DeviceInfo {
  /** Device slug: the middle of every entity id and the discovery node id. */
  slug: string;
  /** Device name HA shows; also the start of every friendly name. */
  name: string;
  manufacturer: string;
  model: string;
  swVersion: string;
}

export interface DiscoveryTopics {
  discoveryPrefix: string;
  baseTopic: string;
}

export const ONLINE = 'online';
export const OFFLINE = 'offline';

/** `<base_topic>/<device_slug>`: the root of this bridge's state topics. */
export function deviceTopic(topics: DiscoveryTopics, device: Pick<DeviceInfo, 'slug'>): string {
  return `${topics.baseTopic}/${device.slug}`;
}

export function availabilityTopic(topics: DiscoveryTopics, device: Pick<DeviceInfo, 'slug'>): string {
  return `${deviceTopic(topics, device)}/availability`;
}

export function configTopic(
  topics: DiscoveryTopics,
  device: Pick<DeviceInfo, 'slug'>,
  spec: Pick<EntitySpec, 'kind' | 'key'>,
): string {
  return `${topics.discoveryPrefix}/${spec.kind}/${device.slug}/${spec.key}/config`;
}

export function entityTopics(
  topics: DiscoveryTopics,
  device: Pick<DeviceInfo, 'slug'>,
  key: string,
): { state: string; attributes: string; availability: string } {
  const root = `${deviceTopic(topics, device)}/${key}`;
  return { state: `${root}/state`, attributes: `${root}/attributes`, availability: `${root}/availability` };
}

/** Stable across restarts and renames in HA; the slug keeps two pumps on one broker apart. */
export function uniqueId(device: Pick<DeviceInfo, 'slug'>, key: string): string {
  return `heatpump_insight_${device.slug}_${key}`;
}

/**
 * The discovery config of one entity (HA's abbreviations are not used: full keys read better in a
 * broker browser). `object_id` makes HA pick the same entity id as the REST adapter
 * (`sensor.<slug>_<key>`), so cards and automations work with either. Two availability topics with
 * mode `all`: the bridge's (last will) and the entity's own (figure unavailable).
 */
export function discoveryConfig(options: {
  spec: EntitySpec;
  device: DeviceInfo;
  topics: DiscoveryTopics;
  /** Entity id middle part; `<slug>_mqtt` when REST states hold the plain ids (`publish.via: both`). */
  objectIdSlug?: string;
}): Record<string, unknown> {
  const { spec, device, topics } = options;
  const own = entityTopics(topics, device, spec.key);
  return {
    name: spec.name,
    object_id: `${options.objectIdSlug ?? device.slug}_${spec.key}`,
    unique_id: uniqueId(device, spec.key),
    state_topic: own.state,
    json_attributes_topic: own.attributes,
    availability: [{ topic: availabilityTopic(topics, device) }, { topic: own.availability }],
    availability_mode: 'all',
    payload_available: ONLINE,
    payload_not_available: OFFLINE,
    icon: spec.icon,
    ...(spec.deviceClass !== undefined ? { device_class: spec.deviceClass } : {}),
    ...(spec.stateClass !== undefined ? { state_class: spec.stateClass } : {}),
    ...(spec.unit !== undefined ? { unit_of_measurement: spec.unit } : {}),
    ...(spec.precision !== undefined && spec.kind === 'sensor'
      ? { suggested_display_precision: spec.precision }
      : {}),
    ...(spec.kind === 'binary_sensor' ? { payload_on: 'on', payload_off: 'off' } : {}),
    device: {
      identifiers: [`heatpump_insight_${device.slug}`],
      name: device.name,
      manufacturer: device.manufacturer,
      model: device.model,
      sw_version: device.swVersion,
    },
    origin: { name: 'heatpump-bridge', sw_version: device.swVersion },
  };
}

/** Attributes HA takes from the discovery config; repeating them in the JSON attributes is noise. */
const DISCOVERY_ATTRIBUTES = new Set([
  'friendly_name',
  'icon',
  'device_class',
  'state_class',
  'unit_of_measurement',
]);

/** One state as the MQTT messages of its entity (payloads as sent; all retained). */
export function stateMessages(options: {
  state: EntityState;
  key: string;
  device: Pick<DeviceInfo, 'slug'>;
  topics: DiscoveryTopics;
}): { topic: string; payload: string }[] {
  const own = entityTopics(options.topics, options.device, options.key);
  const attributes = Object.fromEntries(
    Object.entries(options.state.attributes).filter(([k]) => !DISCOVERY_ATTRIBUTES.has(k)),
  );
  const available = options.state.state !== 'unavailable';
  return [
    { topic: own.attributes, payload: JSON.stringify(attributes) },
    // While unavailable the last real value stays on the state topic; availability says it is void.
    ...(available ? [{ topic: own.state, payload: options.state.state }] : []),
    { topic: own.availability, payload: available ? ONLINE : OFFLINE },
  ];
}
