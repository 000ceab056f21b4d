import { classifyHttpStatus, InfluxUnavailableError } from '../influx/influx-errors.js';

export interface LineWriterOptions {
  url: string;
  /** InfluxDB 2.x (or 1.8+ compatibility): token, org and bucket. */
  token?: string;
  org?: string;
  bucket?: string;
  /** InfluxDB 1.x: database, retention policy, user and password. */
  database?: string;
  retentionPolicy?: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const RETRIES = 5;

/**
 * Writes line protocol (millisecond precision) over HTTP: `/api/v2/write` with a token, or the 1.x
 * `/write` endpoint with a database. Transient failures (5xx, 429, network) are retried with
 * backoff; wrong credentials throw InfluxAuthError at once.
 */
export class LineWriter {
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: LineWriterOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    const base = options.url.replace(/\/+$/, '');
    this.headers = { 'Content-Type': 'text/plain; charset=utf-8' };
    if (options.bucket !== undefined) {
      const q = new URLSearchParams({
        bucket: options.bucket,
        precision: 'ms',
        ...(options.org ? { org: options.org } : {}),
      });
      this.endpoint = `${base}/api/v2/write?${q}`;
      if (options.token) this.headers.Authorization = `Token ${options.token}`;
    } else if (options.database !== undefined) {
      const q = new URLSearchParams({
        db: options.database,
        precision: 'ms',
        ...(options.retentionPolicy ? { rp: options.retentionPolicy } : {}),
      });
      this.endpoint = `${base}/write?${q}`;
      if (options.username !== undefined) {
        this.headers.Authorization = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
      }
    } else {
      throw new Error('InfluxDB target needs a bucket (2.x API) or a database (1.x API)');
    }
  }

  /** Where the lines go, without credentials (for messages). */
  get target(): string {
    return this.endpoint.replace(/\?.*$/, '');
  }

  async write(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const body = lines.join('\n');
    for (let attempt = 0; ; attempt++) {
      let error: Error;
      try {
        const res = await this.fetchImpl(this.endpoint, {
          method: 'POST',
          headers: this.headers,
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
        });
        if (res.ok) return;
        error = classifyHttpStatus(res.status, await res.text(), 'write');
      } catch (e) {
        error = new InfluxUnavailableError(`write to ${this.target} failed: ${(e as Error).message}`);
      }
      if (!(error instanceof InfluxUnavailableError) || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}
