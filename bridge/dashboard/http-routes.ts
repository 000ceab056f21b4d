import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import { isAuthorized } from './auth.js';
import type { DashboardFeed } from './dashboard-feed.js';
import { renderPage } from './page.js';
import { DASHBOARD_RANGES, DEFAULT_RANGE, isDashboardRange } from './ranges.js';
import { DASHBOARD_BUNDLE } from './static-assets.js';
import type { StaticBundle } from './static-assets.js';

/** What `/api/config` returns: who the page is talking to. */
export interface DashboardConfig {
  brand: string;
  display_name: string;
  title: string;
  device: string;
  version: string;
  source: string;
  ranges: readonly string[];
  default_range: string;
  update_interval_seconds: number;
  /** Series colours by role; the cards take theirs from the theme, the page uses these for its own bits. */
  colors: Record<string, string>;
}

export interface HttpRoutesOptions {
  feed: DashboardFeed;
  config: DashboardConfig;
  bundle: StaticBundle;
  token: string | undefined;
  logger: Logger | undefined;
}

const MAX_HISTORY_IDS = 100;
const MAX_HISTORY_SPAN_MS = 400 * 86_400_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GET / (page), /heatpump-dashboard.js, /api/config, /api/initial-data?range=, /api/history.
 * The page and its script hold no data and are public; /api/* needs the token when one is set.
 */
export function createHttpHandler(
  options: HttpRoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(req, res, options).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500)
        options.logger?.error({ err: (error as Error).message, url: req.url }, 'dashboard request failed');
      if (!res.headersSent) sendJson(res, status, { error: (error as Error).message });
      else res.end();
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpRoutesOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    throw new HttpError(405, `method ${req.method ?? ''} not allowed`);
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    const html = renderPage({
      title: options.config.title,
      bundleAvailable: options.bundle.path !== undefined,
    });
    send(res, 200, 'text/html; charset=utf-8', html);
    return;
  }
  if (url.pathname === `/${DASHBOARD_BUNDLE}`) {
    const content = await options.bundle.read();
    if (!content) throw new HttpError(404, `${DASHBOARD_BUNDLE} is not built (npm run build)`);
    send(res, 200, 'text/javascript; charset=utf-8', content);
    return;
  }
  if (!url.pathname.startsWith('/api/')) throw new HttpError(404, `no such page: ${url.pathname}`);
  if (!isAuthorized(req, options.token)) {
    res.setHeader('WWW-Authenticate', 'Bearer');
    throw new HttpError(401, 'a valid bearer token is required');
  }
  switch (url.pathname) {
    case '/api/config':
      sendJson(res, 200, options.config);
      return;
    case '/api/initial-data': {
      const range = url.searchParams.get('range') ?? DEFAULT_RANGE;
      if (!isDashboardRange(range))
        throw new HttpError(
          400,
          `invalid range ${JSON.stringify(range)}; valid: ${DASHBOARD_RANGES.join(', ')}`,
        );
      sendJson(res, 200, await options.feed.payload(range));
      return;
    }
    case '/api/history':
      sendJson(res, 200, await options.feed.history(historyRequest(url.searchParams)));
      return;
    default:
      throw new HttpError(404, `no such API: ${url.pathname}`);
  }
}

/** entity_ids=a,b&from=<ms>&to=<ms>[&window_ms=<ms>], all validated. */
export function historyRequest(params: URLSearchParams): {
  entityIds: string[];
  from: number;
  to: number;
  windowMs?: number;
} {
  const ids = (params.get('entity_ids') ?? '').split(',').filter((s) => s.length > 0);
  if (ids.length === 0) throw new HttpError(400, 'entity_ids is required (comma-separated entity ids)');
  if (ids.length > MAX_HISTORY_IDS) throw new HttpError(400, `at most ${MAX_HISTORY_IDS} entity_ids`);
  if (ids.some((id) => !/^[a-z_]+\.[a-z0-9_]+$/.test(id)))
    throw new HttpError(400, 'entity_ids must be entity ids like sensor.heatpump_supply_temp');
  const int = (name: string): number | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const v = Number(raw);
    if (!Number.isSafeInteger(v) || v < 0)
      throw new HttpError(400, `${name} must be a non-negative integer (epoch ms)`);
    return v;
  };
  const from = int('from');
  const to = int('to');
  if (from === undefined || to === undefined) throw new HttpError(400, 'from and to are required (epoch ms)');
  if (!(to > from)) throw new HttpError(400, 'to must be after from');
  if (to - from > MAX_HISTORY_SPAN_MS) throw new HttpError(400, 'the range may span at most 400 days');
  const windowMs = int('window_ms');
  if (windowMs !== undefined && (windowMs < 1000 || (to - from) / windowMs > 50_000)) {
    throw new HttpError(400, 'window_ms must be at least 1000 and give at most 50000 windows');
  }
  return windowMs === undefined ? { entityIds: ids, from, to } : { entityIds: ids, from, to, windowMs };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // Scripts only from this origin; Lit's and ECharts' styles are inline.
    'Content-Security-Policy':
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:",
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
