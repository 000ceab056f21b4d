import { HttpError, InfluxDB, RequestTimedOutError } from '@influxdata/influxdb-client';
import type { Cancellable } from '@influxdata/influxdb-client';
import { createFluxRowReader } from './flux-csv.js';
import { classifyHttpStatus, InfluxQueryError, InfluxUnavailableError } from './influx-errors.js';
import { causeOf } from './ping.js';
import type { SourceRow } from './query-plan.js';

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

/** Runs Flux and streams rows with `_time`, `_value`, `key` (what flux-query.ts produces), in batches. */
export interface FluxTransport {
  batches(flux: string): AsyncIterable<readonly SourceRow[]>;
}

/** Rows per batch: big enough that the per-batch async hop is noise, small enough to stream. */
const BATCH_ROWS = 5_000;

/** Thin wrapper around @influxdata/influxdb-client; everything else depends on FluxTransport. */
export function createFluxTransport(options: FluxTransportOptions): FluxTransport {
  const client = new InfluxDB({ url: options.url, token: options.token ?? '', timeout: options.timeoutMs });
  const api = client.getQueryApi({ org: options.org ?? '-', gzip: options.gzip ?? false });
  return {
    // The client's callback API, not iterateRows(): that is a chain of async generators with a
    // promise hop per row (~0.4 µs each, 130 ms for a year's 333 k rows). Lines, not rows: see
    // flux-csv.ts for why the three columns are cut out here.
    async *batches(flux: string): AsyncIterable<readonly SourceRow[]> {
      const ready: SourceRow[][] = [];
      let current: SourceRow[] = [];
      let finished = false;
      let failure: Error | undefined;
      let wake: (() => void) | undefined;
      let cancellable: Cancellable | undefined;
      const notify = (): void => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      const reader = createFluxRowReader();
      api.queryLines(flux, {
        next(line) {
          const row = reader.line(line);
          if (row === undefined) return;
          current.push(row);
          if (current.length >= BATCH_ROWS) {
            ready.push(current);
            current = [];
            notify();
          }
        },
        error(error) {
          failure = translateClientError(error);
          finished = true;
          notify();
        },
        complete() {
          if (current.length > 0) ready.push(current);
          current = [];
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

function translateClientError(error: unknown): Error {
  if (error instanceof HttpError) {
    return classifyHttpStatus(error.statusCode, error.body ?? error.message, 'Flux query failed');
  }
  if (error instanceof RequestTimedOutError) return new InfluxUnavailableError('Flux query timed out');
  if (error instanceof InfluxQueryError) return error;
  return new InfluxUnavailableError(`Flux query failed: ${causeOf(error)}`);
}
