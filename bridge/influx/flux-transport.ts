import { HttpError, InfluxDB, RequestTimedOutError } from '@influxdata/influxdb-client';
import type { Cancellable } from '@influxdata/influxdb-client';
import { createCsvLineSplitter } from './csv-lines.js';
import { createFluxPointReader } from './flux-points.js';
import { classifyHttpStatus, InfluxQueryError, InfluxUnavailableError } from './influx-errors.js';
import { causeOf } from './ping.js';
import type { KeyedPoints } from './keyed-points.js';

export interface FluxTransportOptions {
  url: string;
  /** 2.x token, or `username:password` for InfluxDB 1.8's compatibility endpoint. */
  token: string | undefined;
  /** 1.8 ignores org; the client still wants a value. */
  org: string | undefined;
  timeoutMs: number;
  /** Ask for gzip-compressed answers (influxdb.gzip); the client's default is uncompressed. */
  gzip?: boolean;
}

/**
 * Runs Flux and streams the points of `_time`, `_value`, `key` (what flux-query.ts produces), in
 * batches of runs per key.
 */
export interface FluxTransport {
  batches(flux: string): AsyncIterable<readonly KeyedPoints[]>;
}

/** Points per batch: big enough that the per-batch async hop is noise, small enough to stream. */
const BATCH_POINTS = 5_000;

/** Thin wrapper around @influxdata/influxdb-client; everything else depends on FluxTransport. */
export function createFluxTransport(options: FluxTransportOptions): FluxTransport {
  const client = new InfluxDB({ url: options.url, token: options.token ?? '', timeout: options.timeoutMs });
  // What the client's QueryApi sends (path, dialect, headers); the answer is split here, not by it.
  const path = `/api/v2/query?org=${encodeURIComponent(options.org ?? '-')}`;
  const sendOptions = {
    method: 'POST',
    headers: {
      'content-type': 'application/json; encoding=utf-8',
      'accept-encoding': options.gzip === true ? 'gzip' : 'identity',
    },
  };
  return {
    // The client's callback API, not an async iterator: that is a chain of async generators with a
    // promise hop per row (~0.4 µs each, 130 ms for a year's 333 k rows). Bytes, not the client's
    // lines or rows: see csv-lines.ts and flux-points.ts for why.
    async *batches(flux: string): AsyncIterable<readonly KeyedPoints[]> {
      const ready: KeyedPoints[][] = [];
      let finished = false;
      let failure: Error | undefined;
      let wake: (() => void) | undefined;
      let cancellable: Cancellable | undefined;
      const notify = (): void => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      const fail = (error: unknown): void => {
        if (finished) return;
        failure = translateClientError(error);
        finished = true;
        cancellable?.cancel();
        notify();
      };
      const reader = createFluxPointReader();
      const lines = createCsvLineSplitter(reader.line);
      const body = JSON.stringify({ query: flux, dialect: FLUX_DIALECT, type: 'flux' });
      client.transport.send(path, body, sendOptions, {
        next(chunk) {
          if (finished) return;
          // An error table in the answer (flux-points.ts) ends the read with that error.
          try {
            lines.push(chunk);
          } catch (error) {
            fail(error);
            return;
          }
          if (reader.pending >= BATCH_POINTS) {
            ready.push(reader.take());
            notify();
          }
        },
        error: fail,
        complete() {
          if (finished) return;
          try {
            lines.end();
          } catch (error) {
            fail(error);
            return;
          }
          if (reader.pending > 0) ready.push(reader.take());
          finished = true;
          notify();
        },
        useCancellable(c) {
          cancellable = c;
        },
      });
      try {
        for (;;) {
          const batch = ready.shift();
          if (batch !== undefined) yield batch;
          else if (failure !== undefined) throw failure;
          else if (finished) return;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        // The consumer stopped early (abort): stop reading the response.
        if (!finished) cancellable?.cancel();
      }
    },
  };
}

/** The annotated CSV dialect the client's QueryApi asks for; flux-points.ts reads it. */
export const FLUX_DIALECT = {
  header: true,
  delimiter: ',',
  quoteChar: '"',
  commentPrefix: '#',
  annotations: ['datatype', 'group', 'default'],
};

function translateClientError(error: unknown): Error {
  if (error instanceof HttpError) {
    return classifyHttpStatus(error.statusCode, error.body ?? error.message, 'Flux query failed');
  }
  if (error instanceof RequestTimedOutError) return new InfluxUnavailableError('Flux query timed out');
  if (error instanceof InfluxQueryError) return error;
  return new InfluxUnavailableError(`Flux query failed: ${causeOf(error)}`);
}
