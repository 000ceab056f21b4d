import { HttpError, InfluxDB, RequestTimedOutError } from '@influxdata/influxdb-client';
import type { FluxTableMetaData } from '@influxdata/influxdb-client';
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

/** Runs Flux and streams rows with `_time`, `_value`, `key` (what flux-query.ts produces). */
export interface FluxTransport {
  rows(flux: string): AsyncIterable<SourceRow>;
}

/** Thin wrapper around @influxdata/influxdb-client; everything else depends on FluxTransport. */
export function createFluxTransport(options: FluxTransportOptions): FluxTransport {
  const client = new InfluxDB({ url: options.url, token: options.token ?? '', timeout: options.timeoutMs });
  const api = client.getQueryApi(options.org ?? '-');
  return {
    async *rows(flux: string): AsyncIterable<SourceRow> {
      try {
        // Column positions once per table, not tableMeta.toObject() per row: that built an object
        // of every column with its deserializer for each of up to ~300k rows (a year at 30 min).
        let meta: FluxTableMetaData | undefined;
        let ti = 0;
        let ki = 0;
        let vi = 0;
        for await (const { values, tableMeta } of api.iterateRows(flux)) {
          if (tableMeta !== meta) {
            meta = tableMeta;
            ti = tableMeta.column('_time').index;
            ki = tableMeta.column('key').index;
            vi = tableMeta.column('_value').index;
          }
          yield { t: Date.parse(values[ti] as string), key: values[ki] as string, v: Number(values[vi]) };
        }
      } catch (error) {
        throw translateClientError(error);
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
