import { HttpError, InfluxDB, RequestTimedOutError } from '@influxdata/influxdb-client';
import type { Cancellable, FluxTableMetaData } from '@influxdata/influxdb-client';
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
  const api = client.getQueryApi(options.org ?? '-');
  return {
    // The client's callback API, not iterateRows(): that is a chain of async generators with a
    // promise hop per row (~0.4 µs each, 130 ms for a year's 333 k rows).
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
      // Column positions once per table, not tableMeta.toObject() per row: that built an object
      // of every column with its deserializer for each of up to ~300k rows (a year at 30 min).
      let meta: FluxTableMetaData | undefined;
      // Every signal's stream has the same window starts, so each time string comes back once per
      // signal (~25 times): a lookup is several times cheaper than parsing RFC 3339 again.
      const parsedTimes = new Map<string, number>();
      let ti = 0;
      let ki = 0;
      let vi = 0;
      api.queryRows(flux, {
        next(values, tableMeta) {
          if (tableMeta !== meta) {
            meta = tableMeta;
            ti = tableMeta.column('_time').index;
            ki = tableMeta.column('key').index;
            vi = tableMeta.column('_value').index;
          }
          const time = values[ti] as string;
          let t = parsedTimes.get(time);
          if (t === undefined) parsedTimes.set(time, (t = Date.parse(time)));
          current.push({
            t,
            name: values[ki] as string,
            value: Number(values[vi]),
          });
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
