/**
 * Accelerated soak: the bridge app publishing every second for about two minutes against a real
 * InfluxDB 2.x and a real Home Assistant, each behind a fault proxy that injects a random fault
 * every few seconds (seeded): an InfluxDB 500, InfluxDB slower than the query timeout, every HA
 * connection cut, HA stalled. The bridge must keep publishing, recover from every fault, and keep
 * memory and open handles flat after warm-up. Prints one summary line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, HassEntity } from 'home-assistant-js-websocket';
import { configSchema } from '../../bridge/config/schema.js';
import { createLogger } from '../../bridge/log/logger.js';
import { createBridgeApp, type BridgeApp } from '../../bridge/pipeline/create-app.js';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';
import { startInfluxV2, type InfluxV2Server } from '../harness/influxdb.js';
import { FaultProxy } from './support/fault-proxy.js';
import { H, LogSink, thermiaLines, waitFor } from './support/reliability-fixtures.js';

const SOAK_MS = 100_000;
const WARM_UP_MS = 20_000;
const FAULT_EVERY_MS = 6_000;

/** mulberry32: a small seeded PRNG so a failing soak can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

describe('soak: bridge with random faults (real InfluxDB and HA)', () => {
  let influx: InfluxV2Server;
  let ha: HomeAssistantInstance;
  let conn: Connection;
  let influxProxy: FaultProxy;
  let haProxy: FaultProxy;
  let bridge: BridgeApp | undefined;

  before(async () => {
    [influx, ha] = await Promise.all([startInfluxV2(), startHomeAssistant()]);
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    [influxProxy, haProxy] = await Promise.all([FaultProxy.start(influx.url), FaultProxy.start(ha.url)]);
    const now = Date.now();
    const res = await fetch(
      `${influx.url}/api/v2/write?org=${influx.org}&bucket=${influx.bucket}&precision=s`,
      {
        method: 'POST',
        headers: { authorization: `Token ${influx.token}` },
        body: thermiaLines(now - 3 * H, now + 10 * 60_000, -3).join('\n'),
      },
    );
    assert.equal(res.status, 204, (await res.text()).slice(0, 300));
  });

  after(async () => {
    await bridge?.app.stop();
    conn?.close();
    await Promise.allSettled([influxProxy?.close(), haProxy?.close()]);
    await Promise.allSettled([influx?.stop(), ha?.stop()]);
  });

  it('keeps publishing through random faults; RSS and open handles stay flat', async () => {
    const log = new LogSink();
    const config = configSchema.parse({
      timezone: 'UTC',
      brand: 'thermia',
      influxdb: {
        url: influxProxy.url,
        token: influx.token,
        org: influx.org,
        bucket: influx.bucket,
        timeout_ms: 1_500,
      },
      homeassistant: { url: haProxy.url, token: ha.token, heartbeat_seconds: 1, timeout_ms: 2_000 },
      publish: { interval_seconds: 1 },
    });
    bridge = createBridgeApp({
      config,
      logger: createLogger({ level: 'info', secrets: [ha.token, influx.token], destination: log }),
    });
    await bridge.app.start();
    await waitFor(
      'a first publish',
      () => (log.find('cycle published').length > 0 ? true : undefined),
      30_000,
    );

    const random = prng(20_240_303);
    const faults: Record<string, number> = {};
    const samples: { at: number; rss: number; handles: number }[] = [];
    const started = Date.now();
    let nextFault = started + FAULT_EVERY_MS;
    while (Date.now() - started < SOAK_MS) {
      await new Promise((r) => setTimeout(r, 1_000));
      samples.push({
        at: Date.now() - started,
        rss: process.memoryUsage().rss,
        handles: process.getActiveResourcesInfo().length,
      });
      if (Date.now() < nextFault) continue;
      nextFault = Date.now() + FAULT_EVERY_MS;
      const kind = ['influx-500', 'influx-slow', 'ha-cut', 'ha-stall', 'none'][Math.floor(random() * 5)]!;
      faults[kind] = (faults[kind] ?? 0) + 1;
      if (kind === 'influx-500') influxProxy.failNext(1);
      if (kind === 'ha-cut') haProxy.cut();
      if (kind === 'influx-slow') {
        influxProxy.delayMs = 2_500;
        setTimeout(() => (influxProxy.delayMs = 0), 2_500);
      }
      if (kind === 'ha-stall') {
        haProxy.stall(true);
        setTimeout(() => haProxy.stall(false), 3_000);
      }
    }
    // Faults over: the bridge must be publishing again shortly.
    const endMark = log.lines.length;
    await waitFor('a publish after the last fault', () => log.find('cycle published', endMark)[0], 45_000);
    const list = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
    assert.equal(list.find((s) => s.entity_id === 'sensor.heatpump_outdoor_temp')?.state, '-3');

    const published = log.find('cycle published').length;
    const failures = log.find('cycle failed').length;
    const recoveries = log.find('recovered').length;
    const reconnects = log.find('reconnected to Home Assistant').length;
    const warm = samples.filter((s) => s.at >= WARM_UP_MS);
    const first = warm.slice(0, 10);
    const last = warm.slice(-10);
    const mb = (b: number): string => (b / 2 ** 20).toFixed(1);
    const rssStart = median(first.map((s) => s.rss));
    const rssEnd = median(last.map((s) => s.rss));
    const handlesStart = median(first.map((s) => s.handles));
    const handlesEnd = median(last.map((s) => s.handles));
    console.log(
      `soak: ${bridge.scheduler.cycles} cycles in ${SOAK_MS / 1000} s, ${published} published, ${failures} failures, ` +
        `${recoveries} recoveries, ${reconnects} HA reconnects, faults ${JSON.stringify(faults)}, ` +
        `RSS ${mb(rssStart)} -> ${mb(rssEnd)} MB, handles ${handlesStart} -> ${handlesEnd}`,
    );

    assert.ok(published >= 40, `${published} publishes`);
    assert.ok(failures >= 1 && recoveries >= 1, 'faults were felt and recovered from');
    assert.ok(Object.values(faults).reduce((a, b) => a + b, 0) >= 12, 'faults injected');
    assert.ok(rssEnd - rssStart < 40 * 2 ** 20, `RSS grew ${mb(rssEnd - rssStart)} MB after warm-up`);
    assert.ok(handlesEnd - handlesStart <= 10, `handles ${handlesStart} -> ${handlesEnd}`);
    assert.ok(!log.lines.join('').includes(ha.token), 'no HA token in the log');
    assert.ok(!log.lines.join('').includes(influx.token), 'no InfluxDB token in the log');
  });
});
