/**
 * home-assistant-js-websocket from Node 20, which has no global WebSocket: a `createSocket` built on
 * `ws` that does HA's auth handshake itself (pattern A in docs: toolchain notes section 5).
 * Test-only and deliberately small; the bridge gets its own production version.
 */
import {
  createConnection,
  ERR_CANNOT_CONNECT,
  ERR_INVALID_AUTH,
  type Connection,
  type HaWebSocket,
} from 'home-assistant-js-websocket';
import WebSocket from 'ws';

export interface HaSocketOptions {
  /** HA base URL, e.g. `http://127.0.0.1:8123`. */
  url: string;
  /** Long-lived or short-lived access token. */
  token: string;
  /** Give up on one attempt after this long (haws applies no timeout to a custom socket). */
  timeoutMs?: number;
}

/** `ws://host:port/api/websocket` for `http://host:port` (and wss for https). */
export function websocketUrl(url: string): string {
  return `${url.replace(/^http/, 'ws').replace(/\/$/, '')}/api/websocket`;
}

/**
 * Open a socket and authenticate. Resolves with the socket after `auth_ok`, carrying `haVersion`
 * (haws's entity collection calls `haVersion.split`, so it must be set). Rejects with haws's own
 * error codes so `Connection` reconnect logic treats failures as it treats its built-in socket's.
 */
export function createSocket(opts: HaSocketOptions): Promise<HaWebSocket> {
  const { url, token, timeoutMs = 10_000 } = opts;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(websocketUrl(url));
    let settled = false;
    const fail = (code: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.terminate();
      reject(code);
    };
    const timer = setTimeout(() => fail(ERR_CANNOT_CONNECT), timeoutMs);
    socket.on('error', () => fail(ERR_CANNOT_CONNECT));
    socket.on('close', () => fail(ERR_CANNOT_CONNECT));
    const onMessage = (data: WebSocket.RawData): void => {
      const msg = JSON.parse(data.toString()) as { type: string; ha_version?: string };
      if (msg.type === 'auth_required') {
        socket.send(JSON.stringify({ type: 'auth', access_token: token }));
      } else if (msg.type === 'auth_invalid') {
        fail(ERR_INVALID_AUTH);
      } else if (msg.type === 'auth_ok') {
        settled = true;
        clearTimeout(timer);
        socket.off('message', onMessage);
        socket.removeAllListeners('close');
        socket.removeAllListeners('error');
        // haws does its own error handling from here on; an unhandled 'error' event would crash.
        socket.on('error', () => undefined);
        // Same as haws's built-in socket: ask HA to batch messages; Connection starts ids at 2.
        socket.send(
          JSON.stringify({ id: 1, type: 'supported_features', features: { coalesce_messages: 1 } }),
        );
        // ws implements the EventTarget subset haws uses (addEventListener, send, close, readyState),
        // but its types are not the DOM WebSocket's.
        const haSocket = socket as unknown as HaWebSocket;
        haSocket.haVersion = msg.ha_version ?? '0.0.0';
        resolve(haSocket);
      }
    };
    socket.on('message', onMessage);
  });
}

/** A haws `Connection` over {@link createSocket}; reconnects reuse the same token. */
export function connectHomeAssistant(opts: HaSocketOptions): Promise<Connection> {
  return createConnection({ createSocket: () => createSocket(opts) });
}
