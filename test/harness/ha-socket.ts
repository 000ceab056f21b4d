/**
 * A home-assistant-js-websocket `Connection` for tests, over the bridge's own Node socket factory
 * (bridge/publish/ha-socket.ts), so the tests exercise the handshake the bridge ships.
 */
import { createConnection, type Connection } from 'home-assistant-js-websocket';
import { createHaSocket } from '../../bridge/publish/ha-socket.js';

export interface HaSocketOptions {
  /** HA base URL, e.g. `http://127.0.0.1:8123`. */
  url: string;
  /** Long-lived or short-lived access token. */
  token: string;
  /** Give up on one attempt after this long (default 10 s). */
  timeoutMs?: number;
}

/** A haws `Connection`; reconnects reuse the same token. */
export function connectHomeAssistant(opts: HaSocketOptions): Promise<Connection> {
  const options = { url: opts.url, token: opts.token, timeoutMs: opts.timeoutMs ?? 10_000 };
  return createConnection({ createSocket: () => createHaSocket(options) });
}
