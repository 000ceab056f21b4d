import { BridgeDataSource } from '../data/bridge-data-source.js';
import { RANGE_EVENT } from '../shared/time-range.js';
import type { RangeEventDetail } from '../shared/time-range.js';
import { DashboardConnection } from './dashboard-connection.js';
import type { ConnectionState } from './dashboard-connection.js';
import type { ServerMessage, WireConfig, WireEvent, WirePayload } from './wire.js';

/** Cards on the page, in order; `wide` ones span the whole row. */
const CARDS: ReadonlyArray<{ tag: string; wide?: boolean }> = [
  { tag: 'heatpump-kpi-card', wide: true },
  { tag: 'heatpump-cop-card' },
  { tag: 'heatpump-runtime-card' },
  { tag: 'heatpump-temperature-card', wide: true },
  { tag: 'heatpump-performance-card' },
  { tag: 'heatpump-power-card' },
  { tag: 'heatpump-valve-card' },
  { tag: 'heatpump-energy-flow-card' },
];

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Disconnected, reconnecting…',
};

interface CardElement extends HTMLElement {
  setConfig(config: Record<string, unknown>): void;
  dataSource?: BridgeDataSource;
}

/**
 * Boots the standalone page: reads the token from the URL fragment, loads config and the first
 * payload over HTTP, creates the cards on a BridgeDataSource, then keeps them live over the
 * WebSocket. Page state is mirrored in data attributes on <body> (time range, update count) for
 * scripts and tests.
 */
export async function startDashboard(doc: Document = document): Promise<void> {
  const token = readToken(doc.defaultView ?? window);
  const origin = doc.location.origin;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const indicator = doc.getElementById('connection');
  const setState = (state: ConnectionState): void => {
    if (!indicator) return;
    indicator.dataset.state = state;
    indicator.textContent = STATE_TEXT[state];
  };
  try {
    const config = (await getJson(`${origin}/api/config`, headers)) as WireConfig;
    const first = (await getJson(
      `${origin}/api/initial-data?range=${encodeURIComponent(config.default_range)}`,
      headers,
    )) as WirePayload;
    const source = new BridgeDataSource({ baseUrl: origin, token });
    source.applyPayload(first);
    let updates = 0;
    const show = (payload: WirePayload): void => {
      doc.body.dataset.timeRange = payload.time_range;
      doc.body.dataset.updates = String(updates);
      showHeader(doc, config, payload);
      showEvents(doc, payload.events);
    };
    show(first);
    createCards(doc, config, source);
    const connection = new DashboardConnection({
      url: `${origin.replace(/^http/, 'ws')}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`,
      onState: setState,
      onMessage: (message: ServerMessage) => {
        if (message.type === 'graph_update') {
          updates += 1;
          source.applyPayload(message);
          show(message);
        } else if (message.type === 'error') {
          console.warn(`heatpump dashboard: ${message.message}`);
        }
      },
    });
    // Every card's range header announces its choice; the server then pushes that range.
    (doc.defaultView ?? window).addEventListener(RANGE_EVENT, (event) => {
      connection.setRange((event as CustomEvent<RangeEventDetail>).detail.range);
    });
    connection.start();
  } catch (error) {
    setState('disconnected');
    const main = doc.getElementById('cards');
    if (main) main.textContent = `Could not load the dashboard: ${(error as Error).message}`;
  }
}

function createCards(doc: Document, config: WireConfig, source: BridgeDataSource): void {
  const main = doc.getElementById('cards');
  if (!main) return;
  for (const card of CARDS) {
    const el = doc.createElement(card.tag) as CardElement;
    if (typeof el.setConfig !== 'function') continue;
    el.setConfig({ type: `custom:${card.tag}`, device: config.device });
    el.dataSource = source;
    if (card.wide) el.classList.add('wide');
    main.append(el);
  }
}

function showHeader(doc: Document, config: WireConfig, payload: WirePayload): void {
  const brand = doc.getElementById('brand');
  if (brand) brand.textContent = `${config.display_name} · ${config.source}`;
  const updated = doc.getElementById('updated');
  if (updated) updated.textContent = `updated ${new Date(payload.timestamp).toLocaleTimeString()}`;
  const alarm = doc.getElementById('alarm');
  if (alarm) {
    const a = payload.status.alarm;
    alarm.classList.toggle('active', a.active);
    alarm.textContent = a.active ? `Alarm${a.code !== null ? ` ${a.code}` : ''}: ${a.text ?? 'active'}` : '';
  }
}

function showEvents(doc: Document, events: readonly WireEvent[]): void {
  const list = doc.querySelector('#events ol');
  if (!list) return;
  // Text nodes only: event texts come from data and are never parsed as HTML.
  list.replaceChildren(
    ...events.map((e) => {
      const li = doc.createElement('li');
      li.dataset.kind = e.kind;
      li.dataset.level = e.level;
      const time = doc.createElement('time');
      time.dateTime = new Date(e.t).toISOString();
      time.textContent = new Date(e.t).toLocaleString();
      const text = doc.createElement('span');
      text.textContent = e.description;
      li.append(time, text);
      return li;
    }),
  );
}

/** `#token=...` in the address (never sent to the server), remembered for the tab's session. */
function readToken(win: Window): string | undefined {
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem('heatpump-dashboard-token', fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return fromHash;
  }
  return win.sessionStorage.getItem('heatpump-dashboard-token') ?? undefined;
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, { headers });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(`${url} answered ${res.status}${body.error ? `: ${body.error}` : ''}`);
  return body;
}
