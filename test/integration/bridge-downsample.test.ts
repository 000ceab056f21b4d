/**
 * The downsampled copy (influxdb.downsample_*, docs/DOWNSAMPLING.md) against real servers: the
 * bridge has InfluxDB aggregate three days of raw husdata into windows of the language's default
 * (Flux `to()` into 5-min windows on InfluxDB 2; SELECT … INTO into 30-min windows on InfluxDB 1,
 * read back as stored), a fresh source finds what the copy covers, and long reads from the copy
 * give the raw reading's numbers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../../bridge/config/config-error.js';
import { configSchema, type BridgeConfig } from '../../bridge/config/schema.js';
import type { SourceRow } from '../../bridge/influx/query-plan.js';
import { createInfluxSource } from '../../bridge/pipeline/create-parts.js';
import {
  startInfluxV1,
  startInfluxV2,
  type InfluxV1Server,
  type InfluxV2Server,
} from '../harness/influxdb.js';

const H = 3_600_000;
const MIN = 60_000;
const MIN30 = 30 * MIN;
const T1 = Math.floor(Date.now() / H) * H - H;
const T0 = T1 - 72 * H;
/** Keys of the husdata lines below. */
const KEYS = 6;

/** Thermia husdata every 60 s over [T0, T1): outdoor and power vary, the compressor cycles. */
function lines(): string {
  const out: string[] = [];
  for (let t = T0; t < T1; t += 60_000) {
    const s = t / 1000;
    const m = (t - T0) / 60_000;
    out.push(
      `heatpump,register_id=0007,name=outdoor_temp,type=temperature,unit=°C value=${(-5 + 4 * Math.sin(m / 97)).toFixed(3)} ${s}`,
      `heatpump,register_id=0002,name=radiator_forward,type=temperature,unit=°C value=${38 + (m % 7)} ${s}`,
      `heatpump,register_id=0001,name=radiator_return,type=temperature,unit=°C value=${33 + (m % 5)} ${s}`,
      `heatpump,register_id=1A01,name=compressor_status,type=status value=${Math.floor(m / 17) % 3 === 0 ? 0 : 1} ${s}`,
      `heatpump,register_id=CFAA,name=power_consumption,type=power,unit=W value=${1500 + (m % 11) * 50} ${s}`,
      `heatpump,register_id=2A91,name=alarm_code,type=alarm value=${m % 600 === 0 ? 10 : 0} ${s}`,
    );
  }
  return out.join('\n');
}

function config(influxdb: Record<string, unknown>): BridgeConfig {
  return configSchema.parse({ timezone: 'UTC', influxdb });
}

async function read(cfg: BridgeConfig, windowMs: number): Promise<SourceRow[]> {
  const source = createInfluxSource(cfg);
  await source.start();
  try {
    return await source.fetchRows({ from: T0, to: T1, windowMs });
  } finally {
    await source.stop();
  }
}

function byKey(rows: readonly SourceRow[]): Map<string, number> {
  return new Map(rows.map((r) => [`${r.name}@${r.t}`, r.value]));
}

/** Largest difference between two readings that must have the same windows. */
function maxDifference(a: readonly SourceRow[], b: readonly SourceRow[]): number {
  const bm = byKey(b);
  assert.equal(a.length, bm.size, 'same number of windows');
  let worst = 0;
  for (const [k, v] of byKey(a)) {
    const other = bm.get(k);
    assert.ok(other !== undefined, `window ${k} in both readings`);
    worst = Math.max(worst, Math.abs(v - other));
  }
  return worst;
}

function checks(
  name: string,
  copyWindow: number,
  plain: () => BridgeConfig,
  copy: () => BridgeConfig,
  overwrite: (line: string) => Promise<void>,
): void {
  it(`${name}: run fills the copy in one step, up to the newest complete window`, async () => {
    const source = createInfluxSource(copy());
    await source.start();
    try {
      assert.equal(source.downsampleCoverage, undefined, 'empty copy, nothing covered');
      const now = Date.now();
      const step = await source.downsample(now);
      assert.ok(step !== undefined);
      // 72 h of 6 keys in copy windows; nothing outside [T0, T1) exists to aggregate.
      assert.equal(step.written, ((72 * H) / copyWindow) * KEYS);
      assert.ok(step.range.from <= T0 && step.range.to >= T1, JSON.stringify(step.range));
      assert.equal(step.coverage.to % copyWindow, 0);
      assert.ok(now - step.coverage.to < copyWindow + 3 * MIN, 'up to the newest complete window');
      assert.equal(await source.downsample(now), undefined, 'then up to date');
    } finally {
      await source.stop();
    }
  });

  it(`${name}: a fresh source finds the copy and reads 30-min windows from it as the raw data`, async () => {
    const fresh = createInfluxSource(copy());
    await fresh.start();
    const coverage = fresh.downsampleCoverage;
    await fresh.stop();
    assert.ok(coverage !== undefined);
    assert.equal(coverage.from, T0, 'first point of the copy');
    assert.equal(coverage.to, T1, 'last point of the copy plus its window');
    const [raw, copied] = await Promise.all([read(plain(), MIN30), read(copy(), MIN30)]);
    assert.equal(raw.length, ((72 * H) / MIN30) * KEYS);
    // Flux: every 30-min window holds six 5-min windows of five points each, the mean of means is
    // the mean; InfluxQL: the copy's own 30-min points, read as stored.
    assert.ok(maxDifference(raw, copied) < 1e-9);
  });

  it(`${name}: covered windows come from the copy, other windows from the raw data`, async () => {
    // A raw point changed after the copy was made: only reads of the raw data see it.
    const t = T0 + 10 * H;
    await overwrite(
      `heatpump,register_id=0007,name=outdoor_temp,type=temperature,unit=°C value=95 ${t / 1000}`,
    );
    const window = MIN30;
    const at = (rows: readonly SourceRow[], w: number) =>
      rows.find((r) => r.name === 'outdoor_temp' && r.t === Math.floor(t / w) * w)?.value;
    const [raw, copied] = await Promise.all([read(plain(), window), read(copy(), window)]);
    const before = at(copied, window);
    const after = at(raw, window);
    assert.ok(before !== undefined && after !== undefined);
    assert.ok(after - before > 2.5, `raw ${after} vs copy ${before}: one of 30 points went up by ~100`);
    // 2-min windows are no multiple of 5 min: they read the raw data, changed point included.
    const fine = await read(copy(), 120_000);
    assert.equal(at(fine, 120_000), at(await read(plain(), 120_000), 120_000) as number);
    // Two points per 2-min window: the changed one (95) and a normal one (-9..-1).
    assert.ok((at(fine, 120_000) as number) > 40, `2-min window ${at(fine, 120_000)}`);
  });
}

describe('bridge downsampled copy (real servers)', () => {
  let v2: InfluxV2Server;
  let v1: InfluxV1Server;

  before(async () => {
    [v2, v1] = await Promise.all([startInfluxV2(), startInfluxV1({ database: 'heatpump' })]);
    const body = lines();
    const bucket = await fetch(`${v2.url}/api/v2/buckets`, {
      method: 'POST',
      headers: { authorization: `Token ${v2.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orgID: v2.orgID, name: 'heatpump_copy', retentionRules: [] }),
    });
    assert.equal(bucket.status, 201, await bucket.text());
    await writeV2(body);
    const rp = await fetch(`${v1.url}/query`, {
      method: 'POST',
      body: new URLSearchParams({
        q: 'CREATE RETENTION POLICY "copy" ON "heatpump" DURATION INF REPLICATION 1',
      }),
    });
    assert.equal(rp.status, 200, await rp.text());
    await writeV1(body);
  });

  after(async () => {
    await Promise.allSettled([v2?.stop(), v1?.stop()]);
  });

  async function writeV2(body: string): Promise<void> {
    const w = await fetch(`${v2.url}/api/v2/write?org=${v2.org}&bucket=${v2.bucket}&precision=s`, {
      method: 'POST',
      headers: { authorization: `Token ${v2.token}` },
      body,
    });
    assert.equal(w.status, 204, await w.text());
  }

  async function writeV1(body: string): Promise<void> {
    const w = await fetch(`${v1.url}/write?db=heatpump&precision=s`, { method: 'POST', body });
    assert.equal(w.status, 204, await w.text());
  }

  const v2Plain = () => config({ url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket });
  const v1Plain = () => config({ url: v1.url, database: 'heatpump' });
  const backfill = { downsample_backfill_days: 5 };

  checks(
    'Flux on InfluxDB 2',
    5 * MIN,
    v2Plain,
    () => config({ ...v2Plain().influxdb, downsample_bucket: 'heatpump_copy', ...backfill }),
    (line) => writeV2(line),
  );
  checks(
    'InfluxQL on InfluxDB 1',
    MIN30,
    v1Plain,
    () => config({ ...v1Plain().influxdb, downsample_retention_policy: 'copy', ...backfill }),
    (line) => writeV1(line),
  );

  it('a copy that does not exist stops start() with a config error naming the key', async () => {
    const cases = [
      {
        cfg: config({ ...v2Plain().influxdb, downsample_bucket: 'no_such_bucket' }),
        key: 'influxdb.downsample_bucket',
      },
      {
        cfg: config({ ...v1Plain().influxdb, downsample_retention_policy: 'no_such_rp' }),
        key: 'influxdb.downsample_retention_policy',
      },
      {
        cfg: config({ ...v1Plain().influxdb, downsample_bucket: 'heatpump_copy' }),
        key: 'influxdb.downsample_retention_policy',
      },
    ];
    for (const { cfg, key } of cases) {
      const source = createInfluxSource(cfg);
      await assert.rejects(source.start(), (e: Error) => e instanceof ConfigError && e.message.includes(key));
    }
  });
});
