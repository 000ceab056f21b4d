import { z } from 'zod';
import { DASHBOARD_RANGES, isDashboardRange } from './ranges.js';
import type { DashboardRange } from './ranges.js';

/**
 * The dashboard's WebSocket protocol: JSON text frames, one object with a `type` each.
 *
 * client -> server
 *   {type: 'ping'}                                 -> {type: 'pong', timestamp}
 *   {type: 'change_time_range', range}             -> stores the range for this client, then a graph_update
 *   {type: 'request_update', range?}               -> a graph_update now (rate-limited per client)
 * server -> client
 *   {type: 'connection_status', status: 'connected', message, time_range}   on connect
 *   {type: 'graph_update', time_range, timestamp, ...DashboardPayload}       replies and every 30 s
 *   {type: 'error', message}                       unknown type, invalid range, bad JSON, rate limit
 * Frames over MAX_MESSAGE_BYTES close the socket (1009).
 */

/** Largest client frame; every valid message is far below it. */
export const MAX_MESSAGE_BYTES = 4096;

const rangeField = z.string().refine(isDashboardRange, {
  error: (issue) => `invalid range ${JSON.stringify(issue.input)}; valid: ${DASHBOARD_RANGES.join(', ')}`,
});

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('change_time_range'), range: rangeField }),
  // `price` was sent by the original client; accepted and ignored.
  z.object({
    type: z.literal('request_update'),
    range: rangeField.optional(),
    price: z.unknown().optional(),
  }),
]);

export type ClientMessage =
  | { type: 'ping' }
  | { type: 'change_time_range'; range: DashboardRange }
  | { type: 'request_update'; range?: DashboardRange };

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; error: string };

const KNOWN_TYPES = ['ping', 'change_time_range', 'request_update'];

/** Validates one client frame; never throws. The error text is sent back as `{type: 'error'}`. */
export function parseClientMessage(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'message is not valid JSON' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: 'message must be a JSON object with a "type"' };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, error: 'message must be a JSON object with a "type"' };
  if (!KNOWN_TYPES.includes(type)) {
    return {
      ok: false,
      error: `unknown message type ${JSON.stringify(type).slice(0, 60)}; known: ${KNOWN_TYPES.join(', ')}`,
    };
  }
  const parsed = clientMessage.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${type}: ${where}${issue?.message ?? 'invalid message'}` };
  }
  return { ok: true, message: parsed.data as ClientMessage };
}

export function errorMessage(message: string): string {
  return JSON.stringify({ type: 'error', message });
}

export function pongMessage(now: number): string {
  return JSON.stringify({ type: 'pong', timestamp: now });
}

export function connectionStatusMessage(range: DashboardRange): string {
  return JSON.stringify({
    type: 'connection_status',
    status: 'connected',
    message: 'connected to the heat pump bridge',
    time_range: range,
  });
}
