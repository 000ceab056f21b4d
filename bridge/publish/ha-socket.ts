import { ERR_CANNOT_CONNECT, ERR_INVALID_AUTH, type HaWebSocket } from 'home-assistant-js-websocket';
import WebSocket from 'ws';

export interface HaSocketOptions {
  /** HA base URL (`http://host:8123`, or `http://supervisor/core` in the add-on). */
  url: string;
  token: string;
  timeoutMs: number;
}

/** `ws(s)://…/api/websocket` for an http(s) base URL; the Supervisor proxies this path too. */
export function websocketUrl(url: string): string {
  return `${url.replace(/^http/, 'ws').replace(/\/+$/, '')}/api/websocket`;
}

/**
 * home-assistant-js-websocket's socket factory for Node 20 (no global WebSocket): opens a `ws`
 * socket, does HA's auth handshake, sets `haVersion` (haws reads it for feature checks) and asks
 * for coalesced messages like haws's own browser socket. Rejects with haws's error codes, so its
 * reconnect logic stops on a bad token and retries on anything else.
 */
export function createHaSocket(options: HaSocketOptions): Promise<HaWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(websocketUrl(options.url));
    let settled = false;
    const fail = (code: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      reject(code);
    };
    // haws sets no timeout on a custom socket; a half-open TCP connection would hang forever.
    const timer = setTimeout(() => fail(ERR_CANNOT_CONNECT), options.timeoutMs);
    socket.on('error', () => fail(ERR_CANNOT_CONNECT));
    socket.on('close', () => fail(ERR_CANNOT_CONNECT));
    const onMessage = (data: WebSocket.RawData): void => {
      let msg: { type?: string; ha_version?: string };
      try {
        msg = JSON.parse(data.toString()) as typeof msg;
      } catch {
        fail(ERR_CANNOT_CONNECT);
        return;
      }
      if (msg.type === 'auth_required') {
        socket.send(JSON.stringify({ type: 'auth', access_token: options.token }));
      } else if (msg.type === 'auth_invalid') {
        fail(ERR_INVALID_AUTH);
      } else if (msg.type === 'auth_ok') {
        settled = true;
        clearTimeout(timer);
        socket.off('message', onMessage);
        socket.removeAllListeners('close');
        socket.removeAllListeners('error');
        // From here haws handles errors through close events; an unhandled 'error' would crash Node.
        socket.on('error', () => undefined);
        socket.send(
          JSON.stringify({ id: 1, type: 'supported_features', features: { coalesce_messages: 1 } }),
        );
        // ws implements the EventTarget subset haws uses; its types are not the DOM WebSocket's.
        const haSocket = socket as unknown as HaWebSocket;
        haSocket.haVersion = msg.ha_version ?? '0.0.0';
        resolve(haSocket);
      }
    };
    socket.on('message', onMessage);
  });
}
