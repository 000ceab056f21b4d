/**
 * InfluxDB faults and injection against real servers (InfluxDB 2.x with Flux, 1.x with InfluxQL),
 * with a fault proxy in front: the bridge keeps running while queries time out or one answer is
 * an HTTP 500, recovers by itself, and publishes exactly what it published before the fault.
 * Hostile measurement, tag and field names reach the server as literals: the server answers with
 * exactly the rows of that (oddly named) series, and the other data is intact.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configSchema, type BridgeConfig } from '../../bridge/config/schema.js';
import { buildFluxQuery } from '../../bridge/influx/flux-query.js';
import { buildInfluxQLQuery } from '../../bridge/influx/influxql-query.js';
import { planForSource } from '../../bridge/influx/layouts.js';
import { createLogger } from '../../bridge/log/logger.js';
import { createBridgeApp } from '../../bridge/pipeline/create-app.js';
import { createInfluxSource } from '../../bridge/pipeline/create-parts.js';
import {
  startInfluxV1,
  startInfluxV2,
  type InfluxV1Server,
  type InfluxV2Server,
} from '../harness/influxdb.js';
import { FaultProxy } from './support/fault-proxy.js';
import {
  H,
  LogSink,
  RecordingWriter,
  idleSession,
  thermiaLines,
  waitFor,
} from './support/reliability-fixtures.js';

const NOW = Math.floor(Date.now() / 600_000) * 600_000;
/** Three hours of data that ended an hour ago: every published figure is stable while the test runs. */
const D0 = NOW - 4 * H;
const D1 = NOW - H;
/** Figures that would change if a range were lost or counted twice. */
const STABLE = [
  'sensor.heatpump_electrical_energy_total',
  'sensor.heatpump_heat_energy_total',
  'sensor.heatpump_electrical_energy_today',
  'sensor.heatpump_heat_energy_today',
  'sensor.heatpump_compressor_starts_24h',
  'sensor.heatpump_compressor_share_24h',
];

/** Line protocol escapes: measurement (comma, space), tag/field keys and tag values (also `=`). */
const lpMeasurement = (s: string): string => s.replace(/[, ]/g, '\\$&');
const lpKey = (s: string): string => s.replace(/[,= ]/g, '\\$&');

const EVIL_MEASUREMENT = `hp") |> drop(columns: ["_value"]) //' ; DROP MEASUREMENT heatpump; --`;
const EVIL_FIELD = `value"; DROP MEASUREMENT heatpump; SELECT * FROM "x`;
const EVIL_TAG_KEY = `zone'"`;
const EVIL_TAG_VALUE = `a'b"c"); DROP MEASUREMENT heatpump; |> drop() //`;

/** The hostile series: outdoor 4.5 °C each minute of [D0, D1). */
function evilLines(): string[] {
  const out: string[] = [];
  for (let t = D0 / 1000; t * 1000 < D1; t += 60) {
    out.push(
      `${lpMeasurement(EVIL_MEASUREMENT)},${lpKey(EVIL_TAG_KEY)}=${lpKey(EVIL_TAG_VALUE)} ${lpKey(EVIL_FIELD)}=4.5 ${t}`,
    );
  }
  return out;
}

function parse(over: Record<string, unknown>): BridgeConfig {
  return configSchema.parse({ timezone: 'UTC', ...over });
}

describe('reliability: InfluxDB faults and injection (real InfluxDB 2 and 1 behind a fault proxy)', () => {
  let v2: InfluxV2Server;
  let v1: InfluxV1Server;
  let p2: FaultProxy;
  let p1: FaultProxy;

  before(async () => {
    [v2, v1] = await Promise.all([startInfluxV2(), startInfluxV1({ database: 'heatpump' })]);
    [p2, p1] = await Promise.all([FaultProxy.start(v2.url), FaultProxy.start(v1.url)]);
    const body = [...thermiaLines(D0, D1, -3), ...evilLines()].join('\n');
    const w2 = await fetch(`${v2.url}/api/v2/write?org=${v2.org}&bucket=${v2.bucket}&precision=s`, {
      method: 'POST',
      headers: { authorization: `Token ${v2.token}` },
      body,
    });
    assert.equal(w2.status, 204, (await w2.text()).slice(0, 500));
    const w1 = await fetch(`${v1.url}/write?db=heatpump&precision=s`, { method: 'POST', body });
    assert.equal(w1.status, 204, (await w1.text()).slice(0, 500));
  });

  after(async () => {
    await Promise.allSettled([p2?.close(), p1?.close()]);
    await Promise.allSettled([v2?.stop(), v1?.stop()]);
  });

  const influxFor = (lang: 'Flux' | 'InfluxQL', proxy: FaultProxy): Record<string, unknown> =>
    lang === 'Flux'
      ? { url: proxy.url, token: v2.token, org: v2.org, bucket: v2.bucket }
      : { url: proxy.url, database: 'heatpump' };

  for (const lang of ['Flux', 'InfluxQL'] as const) {
    it(`${lang}: slow answers beyond the query timeout and one HTTP 500 fail a cycle each; the bridge recovers with the same figures`, async () => {
      const proxy = lang === 'Flux' ? p2 : p1;
      const log = new LogSink();
      const writer = new RecordingWriter();
      const config = parse({
        influxdb: { ...influxFor(lang, proxy), timeout_ms: 1_000 },
        homeassistant: { token: 'unused-in-this-test' },
        publish: { interval_seconds: 1, statistics: false },
      });
      const bridge = createBridgeApp({
        config,
        logger: createLogger({ level: 'debug', destination: log }),
        session: idleSession(),
        writer,
      });
      await bridge.app.start();
      try {
        await waitFor(
          'a first publish',
          () => (log.find('cycle published').length > 0 ? true : undefined),
          30_000,
        );
        const baseline = writer.pick(STABLE);
        assert.ok(Number(baseline['sensor.heatpump_electrical_energy_total']) >= 6, JSON.stringify(baseline));

        // 1. The server answers three times slower than the query timeout.
        let mark = log.lines.length;
        proxy.delayMs = 3_000;
        const slow = await waitFor('a timed-out cycle', () => log.find('cycle failed', mark)[0], 20_000);
        assert.match(String(slow.err), /timed out|timeout|aborted/i);
        proxy.delayMs = 0;
        await waitFor('recovery after the slow answers', () => log.find('recovered', mark)[0], 30_000);
        mark = log.lines.length;
        await waitFor('a publish after recovery', () => log.find('cycle published', mark)[0], 10_000);
        assert.deepEqual(writer.pick(STABLE), baseline, 'same figures after the slow phase');

        // 2. One query answered with HTTP 500.
        mark = log.lines.length;
        const before500 = proxy.requests.length;
        proxy.failNext(1);
        const failed = await waitFor('the failed cycle', () => log.find('cycle failed', mark)[0], 10_000);
        assert.match(String(failed.err), /HTTP 500/);
        await waitFor('recovery after the 500', () => log.find('recovered', mark)[0], 30_000);
        // Backoff, not a retry storm: the failed query, then the next cycle after the 5 s backoff.
        assert.ok(proxy.requests.length - before500 <= 4, `${proxy.requests.length - before500} requests`);
        assert.equal(
          proxy.requests.slice(before500).filter((r) => r.status === 500).length,
          1,
          'exactly one answer was the injected 500',
        );
        mark = log.lines.length;
        await waitFor('a publish after the 500', () => log.find('cycle published', mark)[0], 10_000);
        assert.deepEqual(writer.pick(STABLE), baseline, 'same figures after the 500');
      } finally {
        await bridge.app.stop();
      }
    });

    it(`${lang}: hostile measurement, tag and field names reach the server as literals; data intact`, async () => {
      const proxy = lang === 'Flux' ? p2 : p1;
      const source = {
        layout: 'custom',
        signals: {
          outdoor_temp: {
            measurement: EVIL_MEASUREMENT,
            field: EVIL_FIELD,
            tags: { [EVIL_TAG_KEY]: EVIL_TAG_VALUE },
          },
          // A tag value with newlines and a Flux pipe: cannot exist in line protocol, so no rows.
          supply_temp: { measurement: 'heatpump', tags: { name: 'radiator_forward\n|> drop()\n;DROP' } },
          return_temp: { measurement: 'heatpump', tags: { name: 'radiator_return' } },
        },
      };
      const config = parse({ brand: 'generic', influxdb: influxFor(lang, proxy), source });
      const influxSource = createInfluxSource(config);
      await influxSource.start();
      const since = Date.now();
      const range = { from: D0, to: D1, windowMs: 600_000 };
      const result = await influxSource.fetch(range);
      await influxSource.stop();

      // The server's answer: exactly the hostile series, the control series, nothing for the newline.
      assert.equal(result.series.outdoor_temp?.length, 18);
      assert.ok(result.series.outdoor_temp?.every((s) => s.v === 4.5));
      assert.equal(result.series.return_temp?.length, 18);
      assert.ok(result.series.return_temp?.every((s) => s.v === 35));
      assert.equal(result.series.supply_temp, undefined);

      // The text the server received is the builder's, whose shape the unit tests pin.
      const plan = planForSource({ source: config.source });
      const sent = proxy.requests.filter((r) => r.at >= since && r.method === 'POST').at(-1);
      assert.ok(sent, 'the query went through the proxy');
      if (lang === 'Flux') {
        const expected = buildFluxQuery({ bucket: v2.bucket, plan, range });
        assert.equal((JSON.parse(sent.body) as { query: string }).query, expected);
      } else {
        const expected = buildInfluxQLQuery({ plan, range }).text;
        assert.equal(new URLSearchParams(sent.body).get('q'), expected);
      }

      // Nothing was dropped: the plain husdata measurement still has all of its rows.
      const plain = createInfluxSource(parse({ influxdb: influxFor(lang, proxy) }));
      await plain.start();
      const rows = await plain.fetchRows(range);
      await plain.stop();
      assert.equal(rows.filter((r) => r.name === 'power_consumption').length, 18);
    });
  }
});
