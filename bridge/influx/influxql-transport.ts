import { classifyHttpStatus, InfluxQueryError, InfluxUnavailableError } from './influx-errors.js';
import type { InfluxQLQuery } from './influxql-query.js';
import { causeOf, withSlash } from './ping.js';
import type { KeyedPoints } from './keyed-points.js';

export interface InfluxQLTransportOptions {
  url: string;
  database: string;
  retentionPolicy?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /** InfluxDB 2.x's /query compatibility endpoint takes a token instead. */
  token?: string | undefined;
  timeoutMs: number;
  /** Ask for gzip-compressed answers (influxdb.gzip); otherwise uncompressed. */
  gzip?: boolean;
}

export interface InfluxQLTransport {
  /** Rows in batches, one per JSON document of the chunked answer (up to 10,000 rows). */
  batches(query: InfluxQLQuery): AsyncIterable<readonly KeyedPoints[]>;
}

/**
 * InfluxQL over the 1.x HTTP API (`POST /query`, `epoch=ms`, `chunked=true`). Chunked responses
 * are newline-separated JSON documents, parsed one at a time so long ranges stream.
 */
export function createInfluxQLTransport(options: InfluxQLTransportOptions): InfluxQLTransport {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    // fetch would negotiate gzip by itself; on the same host compressing and inflating a 24 h
    // answer (2.5 MB) cost ~40 % on top of the query (docs/PERFORMANCE.md, fix 12).
    'accept-encoding': options.gzip === true ? 'gzip' : 'identity',
  };
  if (options.username !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
  else if (options.token !== undefined) headers.authorization = `Token ${options.token}`;

  return {
    async *batches(query: InfluxQLQuery): AsyncIterable<readonly KeyedPoints[]> {
      const params = new URLSearchParams({
        db: options.database,
        epoch: 'ms',
        chunked: 'true',
        chunk_size: '10000',
      });
      if (options.retentionPolicy !== undefined) params.set('rp', options.retentionPolicy);
      params.set('q', query.text);
      let response: Response;
      try {
        response = await fetch(new URL('query', withSlash(options.url)), {
          method: 'POST',
          headers,
          body: params.toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new InfluxUnavailableError(`InfluxQL query failed: ${causeOf(error)}`);
      }
      if (!response.ok)
        throw classifyHttpStatus(response.status, await response.text(), 'InfluxQL query failed');
      if (response.body === null) return;
      try {
        // A batch per document, not `yield*` per row: a promise hop per row costs ~0.4 µs.
        for await (const doc of jsonLines(response.body)) {
          const batch = pointsOf(doc, query);
          if (batch.length > 0) yield batch;
        }
      } catch (error) {
        if (error instanceof InfluxQueryError) throw error;
        throw new InfluxUnavailableError(`InfluxQL response broke off: ${causeOf(error)}`);
      }
    },
  };
}

/** One document of the /query answer (chunked or not). */
export interface InfluxQLResponse {
  error?: string;
  results?: {
    statement_id?: number;
    error?: string;
    series?: { name?: string; tags?: Record<string, string>; columns: string[]; values: unknown[][] }[];
  }[];
}

/** The points of one document, a run per series (one key, its windows in order). */
export function pointsOf(doc: InfluxQLResponse, query: InfluxQLQuery): KeyedPoints[] {
  const out: KeyedPoints[] = [];
  if (doc.error) throw new InfluxQueryError(`InfluxQL error: ${doc.error}`);
  for (const result of doc.results ?? []) {
    if (result.error)
      throw new InfluxQueryError(
        `InfluxQL error in statement ${result.statement_id ?? '?'}: ${result.error}`,
      );
    const keySpec = query.statementKeys[result.statement_id ?? 0];
    if (keySpec === undefined) continue;
    for (const series of result.series ?? []) {
      const key = 'fixed' in keySpec ? keySpec.fixed : series.tags?.[keySpec.tag];
      if (key === undefined) continue;
      const ti = series.columns.indexOf('time');
      const vi = series.columns.indexOf(query.valueColumn ?? 'value');
      const run: KeyedPoints = { name: key, t: [], v: [] };
      for (const values of series.values) {
        const v = values[vi];
        if (v === null || v === undefined) continue;
        run.t.push(Number(values[ti]));
        run.v.push(Number(v));
      }
      if (run.t.length > 0) out.push(run);
    }
  }
  return out;
}

async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncIterable<InfluxQLResponse> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line !== '') yield JSON.parse(line) as InfluxQLResponse;
    }
  }
  const rest = (buffer + decoder.decode()).trim();
  if (rest !== '') yield JSON.parse(rest) as InfluxQLResponse;
}
