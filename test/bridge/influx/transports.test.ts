import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createFluxTransport } from '../../../bridge/influx/flux-transport.js';
import { InfluxQueryError } from '../../../bridge/influx/influx-errors.js';
import { createInfluxQLTransport } from '../../../bridge/influx/influxql-transport.js';
import { rowsOfPoints, type KeyedPoints } from '../../../bridge/influx/keyed-points.js';
import type { SourceRow } from '../../../bridge/influx/query-plan.js';

const T0 = Date.UTC(2024, 0, 1);

/** Annotated CSV as InfluxDB 2 answers flux-query.ts: two tables of `n` rows each. */
function fluxCsv(n: number): string {
  const head = [
    '#datatype,string,long,dateTime:RFC3339,double,string',
    '#group,false,false,false,false,false',
    '#default,_result,,,,',
    ',result,table,_time,_value,key',
  ].join('\r\n');
  const table = (id: number, key: string) =>
    Array.from(
      { length: n },
      (_, i) => `,,${id},${new Date(T0 + i * 60_000).toISOString()},${i + 0.5},${key}`,
    ).join('\r\n');
  return `${head}\r\n${table(0, 'BT1')}\r\n\r\n${head}\r\n${table(1, 'BT2')}\r\n\r\n`;
}

/** Chunked InfluxQL JSON lines: one document per statement, `n` rows each. */
function influxqlChunks(n: number): string {
  const doc = (statement: number, key: string) =>
    JSON.stringify({
      results: [
        {
          statement_id: statement,
          series: [
            {
              name: 'heatpump',
              tags: { name: key },
              columns: ['time', 'value'],
              values: Array.from({ length: n }, (_, i) => [T0 + i * 60_000, i === 1 ? null : i + 0.5]),
            },
          ],
        },
      ],
    });
  return `${doc(0, 'BT1')}\n${doc(1, 'BT2')}\n`;
}

describe('InfluxDB transports hand rows over in batches', () => {
  let server: Server;
  let url = '';
  let status = 200;
  let body = '';
  /** The Accept-Encoding of each request; a request that accepts gzip gets the body gzipped. */
  const encodings: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const accept = String(req.headers['accept-encoding'] ?? '');
        encodings.push(accept);
        const gzip = /\bgzip\b/.test(accept);
        res.writeHead(status, {
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          'content-type': req.url?.startsWith('/api/v2') ? 'text/csv' : 'application/json',
        });
        res.end(gzip ? gzipSync(body) : body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Each batch as rows (one object per point), in order. */
  async function collect(batches: AsyncIterable<readonly KeyedPoints[]>): Promise<SourceRow[][]> {
    const out: SourceRow[][] = [];
    for await (const b of batches) out.push(rowsOfPoints(b));
    return out;
  }

  it('Flux: every row with time, key and value; streamed in batches of 5,000 points or more', async () => {
    status = 200;
    body = fluxCsv(6_000);
    const flux = createFluxTransport({ url, token: 't', org: 'o', timeoutMs: 5_000 });
    const batches = await collect(flux.batches('from(bucket: "b")'));
    const sizes = batches.map((b) => b.length);
    // A batch is handed over once a received chunk brings it to 5,000; the last holds the rest.
    assert.ok(sizes.length >= 2, `one batch for 12,000 points: ${sizes.join(',')}`);
    assert.ok(
      sizes.slice(0, -1).every((n) => n >= 5_000 && n < 12_000),
      sizes.join(','),
    );
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      12_000,
    );
    const rows = batches.flat();
    assert.deepEqual(rows[0], { t: T0, name: 'BT1', value: 0.5 });
    assert.deepEqual(rows[6_001], { t: T0 + 60_000, name: 'BT2', value: 1.5 });
    assert.equal(rows.filter((r) => r.name === 'BT2').length, 6_000);
  });

  it('Flux: a consumer that stops early gets no more batches; an HTTP 400 is a query error', async () => {
    body = fluxCsv(12_000);
    const flux = createFluxTransport({ url, token: 't', org: 'o', timeoutMs: 5_000 });
    let seen = 0;
    for await (const b of flux.batches('q')) {
      seen += rowsOfPoints(b).length;
      break;
    }
    assert.ok(seen >= 5_000 && seen < 24_000, String(seen));
    status = 400;
    body = JSON.stringify({ code: 'invalid', message: 'compilation failed' });
    await assert.rejects(collect(flux.batches('q')), (e: Error) => e instanceof InfluxQueryError);
  });

  it('Flux: an error table after some rows ends the read with the server message', async () => {
    status = 200;
    body = `${fluxCsv(3)}#datatype,string,string\r\n#group,true,true\r\n#default,,\r\n,error,reference\r\n,"panic: ""out of memory""",\r\n\r\n`;
    const flux = createFluxTransport({ url, token: 't', org: 'o', timeoutMs: 5_000 });
    await assert.rejects(
      collect(flux.batches('q')),
      (e: Error) => e instanceof InfluxQueryError && /panic: "out of memory"/.test(e.message),
    );
  });

  it('InfluxQL: one batch per document, null values left out, keys from the tag', async () => {
    status = 200;
    body = influxqlChunks(4);
    const influxql = createInfluxQLTransport({ url, database: 'db', timeoutMs: 5_000 });
    const batches = await collect(
      influxql.batches({ text: 'SELECT …', statementKeys: [{ tag: 'name' }, { fixed: 'outdoor_temp' }] }),
    );
    assert.deepEqual(
      batches.map((b) => b.map((r) => `${r.name}@${(r.t - T0) / 60_000}=${r.value}`)),
      [
        ['BT1@0=0.5', 'BT1@2=2.5', 'BT1@3=3.5'],
        ['outdoor_temp@0=0.5', 'outdoor_temp@2=2.5', 'outdoor_temp@3=3.5'],
      ],
    );
  });

  it('both ask for uncompressed answers unless influxdb.gzip is set; gzipped answers read the same', async () => {
    status = 200;
    const fluxRows = async (gzip: boolean) =>
      (
        await collect(createFluxTransport({ url, token: 't', org: 'o', timeoutMs: 5_000, gzip }).batches('q'))
      ).flat();
    const influxqlRows = async (gzip: boolean) =>
      (
        await collect(
          createInfluxQLTransport({ url, database: 'db', timeoutMs: 5_000, gzip }).batches({
            text: 'SELECT …',
            statementKeys: [{ tag: 'name' }, { fixed: 'outdoor_temp' }],
          }),
        )
      ).flat();
    body = fluxCsv(300);
    encodings.length = 0;
    const plainFlux = await fluxRows(false);
    const gzipFlux = await fluxRows(true);
    body = influxqlChunks(4);
    const plainQl = await influxqlRows(false);
    const gzipQl = await influxqlRows(true);
    assert.equal(encodings.length, 4);
    assert.ok(!/gzip/.test(encodings[0]!) && !/gzip/.test(encodings[2]!), encodings.join(' | '));
    assert.match(encodings[1]!, /gzip/);
    assert.match(encodings[3]!, /gzip/);
    assert.equal(plainFlux.length, 600);
    assert.deepEqual(gzipFlux, plainFlux);
    assert.equal(plainQl.length, 6);
    assert.deepEqual(gzipQl, plainQl);
  });
});
