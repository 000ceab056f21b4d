import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { thermia } from '../../../src/providers/index.js';
import { ConfigError } from '../../../bridge/config/config-error.js';
import { configSchema } from '../../../bridge/config/schema.js';
import { InfluxSource, type InfluxTransports } from '../../../bridge/influx/influx-source.js';
import type { KeyedPoints } from '../../../bridge/influx/keyed-points.js';
import type { SourceRow } from '../../../bridge/influx/query-plan.js';
import { providerMapper } from '../../../bridge/sources/row-mapper.js';

/** Rows as a transport hands them over: a run per row, so the source also meets split runs. */
function asPoints(rows: readonly SourceRow[]): KeyedPoints[] {
  return rows.map((r) => ({ name: r.name, t: [r.t], v: [r.value] }));
}

function source(
  influx: Record<string, unknown>,
  major: number | undefined,
  rows: SourceRow[] = [],
  answer: (query: string) => SourceRow[] = () => rows,
) {
  const queries: string[] = [];
  const transports: InfluxTransports = {
    ping: async () => ({ version: major === undefined ? undefined : `v${major}.7.0`, major }),
    // Two rows per batch, so fetch has to join batches.
    flux: () => ({
      async *batches(flux: string) {
        queries.push(flux);
        const out = answer(flux);
        for (let i = 0; i < out.length; i += 2) yield asPoints(out.slice(i, i + 2));
      },
    }),
    influxql: () => ({
      async *batches(query) {
        queries.push(query.text);
        for (let i = 0; i < rows.length; i += 2) yield asPoints(rows.slice(i, i + 2));
      },
    }),
  };
  const config = configSchema.parse({ influxdb: influx });
  const s = new InfluxSource({
    influx: config.influxdb,
    source: config.source,
    mapper: providerMapper({ provider: thermia, restrictToKnownNames: true }),
    transports,
  });
  return { s, queries };
}

async function configErrorPath(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems[0]?.path;
  }
  assert.fail('expected a ConfigError');
}

describe('InfluxSource start (language auto)', () => {
  it('a 2.x server without a bucket is a config error naming influxdb.bucket', async () => {
    assert.equal(await configErrorPath(source({}, 2).s.start()), 'influxdb.bucket');
  });

  it('a 1.x server without a database is a config error naming influxdb.database', async () => {
    assert.equal(await configErrorPath(source({}, 1).s.start()), 'influxdb.database');
  });

  it('picks Flux on 2.x and maps husdata rows to roles', async () => {
    const t = Date.UTC(2025, 0, 1);
    const { s, queries } = source({ bucket: 'hp' }, 2, [
      { t, name: 'outdoor_temp', value: -4.5 },
      { t, name: 'compressor_status', value: 1 },
      { t, name: 'not_a_register', value: 1 },
    ]);
    await s.start();
    assert.equal(s.kind, 'influxdb-flux');
    const r = await s.fetch({ from: t, to: t + 60_000, windowMs: 60_000 });
    assert.deepEqual(r.series.outdoor_temp, [{ t, v: -4.5 }]);
    assert.deepEqual(r.series.compressor, [{ t, v: 1 }]);
    assert.deepEqual(r.unmappedKeys, ['not_a_register']);
    assert.equal(r.rows, 3);
    assert.match(queries[0] ?? '', /from\(bucket: "hp"\)/);
  });

  it('picks InfluxQL on 1.x with the database', async () => {
    const { s, queries } = source({ database: 'heatpump' }, 1);
    await s.start();
    assert.equal(s.kind, 'influxdb-influxql');
    await s.fetch({ from: 0, to: 60_000, windowMs: 60_000 });
    assert.match(queries[0] ?? '', /^SELECT mean\("value"\) AS "value" FROM "heatpump"/);
  });

  it('reads a year in month-long queries and joins their rows', async () => {
    const t = Date.UTC(2025, 0, 1);
    const { s, queries } = source({ bucket: 'hp' }, 2, [{ t, name: 'outdoor_temp', value: 2 }]);
    await s.start();
    const r = await s.fetch({ from: t, to: t + 365 * 86_400_000, windowMs: 1_800_000 });
    assert.equal(queries.length, 12);
    assert.match(
      queries[0] ?? '',
      /range\(start: 2025-01-01T00:00:00.000Z, stop: 2025-02-01T00:00:00.000Z\)/,
    );
    assert.match(
      queries[1] ?? '',
      /range\(start: 2025-02-01T00:00:00.000Z, stop: 2025-03-04T00:00:00.000Z\)/,
    );
    // The fake answers every query with the same row: twelve reads, twelve rows, one sample kept.
    assert.equal(r.rows, 12);
    assert.deepEqual(r.series.outdoor_temp, [{ t, v: 2 }]);
  });

  it('with a downsampled copy: covered whole windows in one long query of the copy, the rest raw by month', async () => {
    const t = Date.UTC(2025, 0, 1);
    const DAY = 86_400_000;
    const copyEnd = t + 300 * DAY;
    // The copy's bounds: first point at t, last one in the window before copyEnd.
    const { s, queries } = source({ bucket: 'hp', downsample_bucket: 'hp_5m' }, 2, [], (q) =>
      q.includes('|> first()')
        ? [
            { t, name: 'first', value: 0 },
            { t: copyEnd - 300_000, name: 'last', value: 0 },
          ]
        : [],
    );
    await s.start();
    assert.deepEqual(s.downsampleCoverage, { from: t, to: copyEnd });
    queries.length = 0;
    await s.fetch({ from: t, to: t + 365 * DAY, windowMs: 1_800_000 });
    // 300 days of copy at 10x the span (5 min / 30 s), then 65 raw days in 31-day queries.
    assert.equal(queries.length, 4);
    assert.match(queries[0] ?? '', /from\(bucket: "hp_5m"\)/);
    assert.match(queries[0] ?? '', /stop: 2025-10-28T00:00:00.000Z/);
    for (const q of queries.slice(1)) assert.match(q, /from\(bucket: "hp"\)/);
    queries.length = 0;
    await s.fetch({ from: t, to: t + 2 * DAY, windowMs: 120_000 });
    assert.ok(
      queries.every((q) => q.includes('from(bucket: "hp")')),
      '2-min windows read raw data',
    );
  });
});
