import { InfluxUnavailableError } from './influx-errors.js';

export interface InfluxServerInfo {
  /** As the server reports it, e.g. `v2.7.12` or `1.6.7~rc0`. */
  version: string | undefined;
  /** Major version, when the header parses. */
  major: number | undefined;
}

/**
 * GET /ping answers on InfluxDB 1.x and 2.x without credentials and names the version in a
 * header; that is how `language: auto` picks Flux or InfluxQL.
 */
export async function pingInflux(url: string, timeoutMs: number): Promise<InfluxServerInfo> {
  let response: Response;
  try {
    response = await fetch(new URL('ping', withSlash(url)), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new InfluxUnavailableError(`InfluxDB at ${url} is not reachable: ${causeOf(error)}`);
  }
  await response.arrayBuffer().catch(() => undefined);
  if (response.status !== 204 && response.status !== 200)
    throw new InfluxUnavailableError(`InfluxDB at ${url} answered /ping with HTTP ${response.status}`);
  const version = response.headers.get('x-influxdb-version') ?? undefined;
  const match = version?.match(/^v?(\d+)\./);
  return { version, major: match ? Number(match[1]) : undefined };
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error)
      return `${error.message}: ${(cause as { code?: string }).code ?? cause.message}`;
    return error.name === 'TimeoutError' ? 'timed out' : error.message;
  }
  return String(error);
}
