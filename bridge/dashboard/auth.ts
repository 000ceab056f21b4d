import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Optional bearer token for a dashboard exposed beyond localhost. Browsers cannot put headers on a
 * WebSocket, so the token is also accepted as `?token=` (the page keeps it in the URL fragment,
 * which is never sent to the server or its logs, and adds it only to its own requests).
 */
export function tokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && /^Bearer /i.test(header)) return header.slice(7).trim();
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('token') ?? undefined;
}

/** True when no token is configured or the request carries the right one (constant time). */
export function isAuthorized(req: IncomingMessage, expected: string | undefined): boolean {
  if (expected === undefined) return true;
  const given = tokenFrom(req);
  if (given === undefined) return false;
  // Hashing first gives equal lengths, so timingSafeEqual never throws and length does not leak.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
