import type { Logger } from '../log/logger.js';
import { ENTITY_CATALOG, entityId, type EntitySpec } from './entity-catalog.js';
import {
  OFFLINE,
  ONLINE,
  availabilityTopic,
  configTopic,
  discoveryConfig,
  stateMessages,
  type DeviceInfo,
  type DiscoveryTopics,
} from './mqtt-discovery.js';
import { MqttAuthError, type MqttConnect, type MqttTransport } from './mqtt-transport.js';
import type { Publisher, PublishResult } from './publisher.js';
import type { EntityState } from './state-builder.js';

export interface MqttPublisherOptions {
  connect: MqttConnect;
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  clientId: string;
  keepaliveSeconds: number;
  /** Wait this long for the first connection before carrying on (the client keeps retrying). */
  timeoutMs: number;
  topics: DiscoveryTopics;
  device: DeviceInfo;
  /** The selected catalog entries; every other catalog key gets an empty config (removed). */
  entities: readonly EntitySpec[];
  /** See discoveryConfig; default the device slug (same entity ids as REST). */
  objectIdSlug?: string;
  logger: Logger;
}

/**
 * Publishes through MQTT discovery: registry entities with a unique id under one device. On every
 * connect it announces itself online, (re)sends the discovery configs, removes entities of
 * deselected metrics and writes the latest states again; it does the same when HA's birth message
 * (`<prefix>/status` = online) says HA restarted. On stop it says offline; a crash leaves that to
 * the last will.
 */
export class MqttPublisher implements Publisher {
  private readonly options: MqttPublisherOptions;
  private readonly byEntityId: ReadonlyMap<string, EntitySpec>;
  private transport: MqttTransport | undefined;
  private latest: EntityState[] = [];
  /** Last payload sent per state topic: unchanged states are not sent again until a reconnect. */
  private readonly sent = new Map<string, string>();
  private connects = 0;
  private announcing: Promise<void> | undefined;
  /** Credentials refused on a reconnect: mqtt.js stops retrying, so the next publish throws it (fatal). */
  private refused: MqttAuthError | undefined;
  republishes = 0;

  constructor(options: MqttPublisherOptions) {
    this.options = options;
    this.byEntityId = new Map(options.entities.map((e) => [entityId(e, options.device.slug), e]));
  }

  get lastStates(): readonly EntityState[] {
    return this.latest;
  }

  get connected(): boolean {
    return this.transport?.connected ?? false;
  }

  /** Resolves on the first connection, or after `timeoutMs` with the client still retrying; rejects on refused credentials. */
  async start(): Promise<void> {
    const o = this.options;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        o.logger.warn({ url: o.url }, 'MQTT broker not reachable; retrying in the background');
        resolve();
      }, o.timeoutMs);
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      this.transport = o.connect(
        {
          url: o.url,
          username: o.username,
          password: o.password,
          clientId: o.clientId,
          keepaliveSeconds: o.keepaliveSeconds,
          timeoutMs: o.timeoutMs,
          will: { topic: availabilityTopic(o.topics, o.device), payload: OFFLINE },
        },
        {
          onConnect: () => {
            this.announcing = this.announce().then(
              () => settle(),
              (error: unknown) => {
                o.logger.warn({ err: (error as Error).message }, 'MQTT announce failed');
                settle();
              },
            );
          },
          onClose: () => {
            if (this.connects > 0) o.logger.warn('MQTT connection lost; reconnecting');
          },
          onMessage: (topic, payload) => this.onMessage(topic, payload),
          onError: (error) => {
            if (error instanceof MqttAuthError) {
              o.logger.error({ err: error.message }, 'MQTT broker refused the credentials');
              this.refused = error;
              settle(error);
            } else o.logger.debug({ err: error.message }, 'MQTT client error');
          },
        },
      );
    }).catch(async (error: unknown) => {
      await this.transport?.end().catch(() => undefined);
      this.transport = undefined;
      throw error;
    });
  }

  async stop(): Promise<void> {
    const transport = this.transport;
    this.transport = undefined;
    if (transport === undefined) return;
    await this.announcing?.catch(() => undefined);
    if (transport.connected)
      await transport
        .publish(availabilityTopic(this.options.topics, this.options.device), OFFLINE, { retain: true })
        .catch(() => undefined);
    await transport.end();
  }

  async publish(states: readonly EntityState[]): Promise<PublishResult> {
    this.latest = [...states];
    if (this.refused !== undefined) throw this.refused;
    const transport = this.transport;
    if (transport === undefined || !transport.connected) {
      this.options.logger.warn('MQTT broker not connected; states not published this cycle');
      return { written: 0, failed: states.length };
    }
    return this.writeStates(transport, states);
  }

  /** Online, discovery configs, removals, HA's birth topic, then the latest states in full. */
  private async announce(): Promise<void> {
    const transport = this.transport;
    if (transport === undefined) return;
    const { topics, device, entities, logger } = this.options;
    this.connects += 1;
    this.sent.clear();
    const selected = new Set(entities.map((e) => e.key));
    const configs = ENTITY_CATALOG.map((spec) => ({
      topic: configTopic(topics, device, spec),
      payload: selected.has(spec.key)
        ? JSON.stringify(discoveryConfig({ spec, device, topics, objectIdSlug: this.options.objectIdSlug }))
        : '',
    }));
    await Promise.all(configs.map((m) => transport.publish(m.topic, m.payload, { retain: true })));
    await transport.publish(availabilityTopic(topics, device), ONLINE, { retain: true });
    await transport.subscribe(`${topics.discoveryPrefix}/status`);
    logger.info(
      { entities: entities.length, removed: configs.length - entities.length, connects: this.connects },
      'MQTT discovery announced',
    );
    if (this.connects > 1 && this.latest.length > 0) {
      this.republishes += 1;
      await this.writeStates(transport, this.latest);
    }
  }

  private onMessage(topic: string, payload: string): void {
    if (topic !== `${this.options.topics.discoveryPrefix}/status` || payload !== ONLINE) return;
    // HA (re)started: it has the retained messages, but resending is what its docs ask for.
    this.options.logger.info('Home Assistant announced itself on MQTT; republishing');
    this.announcing = this.announce().catch((error: unknown) =>
      this.options.logger.warn({ err: (error as Error).message }, 'MQTT republish failed'),
    );
  }

  private async writeStates(
    transport: MqttTransport,
    states: readonly EntityState[],
  ): Promise<PublishResult> {
    const { topics, device, logger } = this.options;
    let written = 0;
    let failed = 0;
    let firstError: Error | undefined;
    await Promise.all(
      states.map(async (state) => {
        const spec = this.byEntityId.get(state.entity_id);
        if (spec === undefined) return;
        const messages = stateMessages({ state, key: spec.key, device, topics }).filter(
          (m) => this.sent.get(m.topic) !== m.payload,
        );
        try {
          for (const m of messages) {
            await transport.publish(m.topic, m.payload, { retain: true });
            this.sent.set(m.topic, m.payload);
          }
          written += 1;
        } catch (error) {
          failed += 1;
          firstError ??= error as Error;
        }
      }),
    );
    if (failed > 0)
      logger.warn({ written, failed, err: firstError?.message }, 'some states were not published over MQTT');
    return { written, failed };
  }
}
