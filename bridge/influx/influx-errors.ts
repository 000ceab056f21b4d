/** The server refused our credentials: retrying will not help, the user must fix the config. */
export class InfluxAuthError extends Error {
  constructor(detail: string) {
    super(`InfluxDB rejected the credentials (${detail}); check influxdb.token (or username/password)`);
    this.name = 'InfluxAuthError';
  }
}

/** The query was rejected or failed on the server (bad bucket, database, syntax). */
export class InfluxQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfluxQueryError';
  }
}

/** Server not reachable or timed out: transient, the pipeline retries with backoff. */
export class InfluxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfluxUnavailableError';
  }
}

export function classifyHttpStatus(status: number, body: string, what: string): Error {
  if (status === 401 || status === 403) return new InfluxAuthError(`HTTP ${status}`);
  if (status >= 500 || status === 429)
    return new InfluxUnavailableError(`${what}: HTTP ${status} ${short(body)}`);
  return new InfluxQueryError(`${what}: HTTP ${status} ${short(body)}`);
}

function short(body: string): string {
  const s = body.replace(/\s+/g, ' ').trim();
  return s.length > 300 ? `${s.slice(0, 300)}...` : s;
}
