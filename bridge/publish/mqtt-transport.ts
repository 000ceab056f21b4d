import { connect, type ErrorWithReasonCode, type MqttClient } from 'mqtt';

/**
 * The MQTT client as the publisher needs it: a thin wrapper over mqtt.js so the publisher depends on
 * our interface (and tests plug in a fake). mqtt.js reconnects by itself; a refused CONNACK
 * (bad credentials) stops reconnecting and is reported through `onError` as an MqttAuthError.
 */

export interface MqttConnectOptions {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  clientId: string;
  keepaliveSeconds: number;
  /** Published by the broker when the bridge vanishes without a DISCONNECT. */
  will: { topic: string; payload: string };
  /** Connect attempt timeout, ms. */
  timeoutMs: number;
}

export interface MqttEvents {
  onConnect(): void;
  onClose(): void;
  onMessage(topic: string, payload: string): void;
  onError(error: Error): void;
}

export interface MqttTransport {
  readonly connected: boolean;
  /** QoS 1: resolves once the broker acknowledged the message. */
  publish(topic: string, payload: string, options: { retain: boolean }): Promise<void>;
  subscribe(topic: string): Promise<void>;
  /** Graceful DISCONNECT: the broker drops the last will. */
  end(): Promise<void>;
}

export type MqttConnect = (options: MqttConnectOptions, events: MqttEvents) => MqttTransport;

/** The broker refused the credentials; reconnecting does not help. */
export class MqttAuthError extends Error {
  constructor(detail: string) {
    super(`the MQTT broker refused the connection (${detail}); check mqtt.username and mqtt.password`);
    this.name = 'MqttAuthError';
  }
}

/** CONNACK codes that mean "wrong or missing credentials": MQTT 3.1.1 (4, 5) and 5 (134, 135). */
const AUTH_CODES = new Set([4, 5, 134, 135]);

export const connectMqtt: MqttConnect = (options, events) => {
  const client: MqttClient = connect(options.url, {
    clientId: options.clientId,
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    keepalive: options.keepaliveSeconds,
    connectTimeout: options.timeoutMs,
    reconnectPeriod: 5_000,
    clean: true,
    // While offline the publisher skips cycles and republishes on reconnect; queuing would only grow.
    queueQoSZero: false,
    will: { topic: options.will.topic, payload: Buffer.from(options.will.payload), qos: 1, retain: true },
  });
  client.on('connect', () => events.onConnect());
  client.on('close', () => events.onClose());
  client.on('message', (topic, payload) => events.onMessage(topic, payload.toString('utf8')));
  client.on('error', (error) => {
    const code = (error as Partial<ErrorWithReasonCode>).code;
    events.onError(
      typeof code === 'number' && AUTH_CODES.has(code) ? new MqttAuthError(error.message) : error,
    );
  });
  return {
    get connected() {
      return client.connected;
    },
    async publish(topic, payload, { retain }) {
      await client.publishAsync(topic, payload, { qos: 1, retain });
    },
    async subscribe(topic) {
      await client.subscribeAsync(topic, { qos: 1 });
    },
    async end() {
      await client.endAsync();
    },
  };
};
