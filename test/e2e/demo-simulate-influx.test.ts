/**
 * `heatpump-bridge simulate` into real InfluxDB servers, read back by the bridge's own sources:
 * the husdata layout through Flux on InfluxDB 2 and the home-assistant layout through InfluxQL on
 * InfluxDB 1. The bridge's figures must match the simulation's ground truth.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Figure } from '../../src/model/index.js';
import { simulateAll } from '../../src/simulator/index.js';
import type { SimFrame } from '../../src/simulator/index.js';
import type { CliIo } from '../../bridge/cli/cli-io.js';
import { configSchema } from '../../bridge/config/schema.js';
import type { BridgeConfig } from '../../bridge/config/schema.js';
import { simulateCommand } from '../../bridge/demo/simulate-command.js';
import { createInfluxSource, metricOptionsFor } from '../../bridge/pipeline/create-parts.js';
import { buildPeriodReport } from '../../bridge/pipeline/period-report.js';
import { startInfluxV1, startInfluxV2 } from '../harness/influxdb.js';
import type { InfluxV1Server, InfluxV2Server } from '../harness/influxdb.js';

const END = '2024-01-20T00:00:00Z';
const TO = Date.parse(END);
const FROM = TO - 86_400_000;
const WINDOW = 60_000;

let v2: InfluxV2Server;
let v1: InfluxV1Server;

const io = (): CliIo & { out: string[] } => {
  const out: string[] = [];
  return {
    env: {},
    out,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: () => undefined },
    shutdownSignal: () => new Promise(() => undefined),
  };
};

before(async () => {
  [v2, v1] = await Promise.all([startInfluxV2(), startInfluxV1({ database: 'homeassistant' })]);
});
after(async () => {
  await Promise.allSettled([v2?.stop(), v1?.stop()]);
});

const value = (f: Figure): number => {
  assert.notEqual(f.status, 'unavailable', JSON.stringify(f));
  return (f as { value: number }).value;
};

async function report(config: BridgeConfig) {
  const source = createInfluxSource(config);
  await source.start();
  try {
    const r = await source.fetch({ from: FROM, to: TO, windowMs: WINDOW });
    const rep = buildPeriodReport({
      series: r.series,
      from: FROM,
      to: TO,
      windowMs: WINDOW,
      rows: r.rows,
      sourceKind: source.kind,
      brand: config.brand,
      layout: config.source.layout,
      issues: r.issues,
      options: metricOptionsFor(config),
    });
    return { series: r.series, report: rep };
  } finally {
    await source.stop();
  }
}

function truth(brand: 'thermia' | 'nibe'): { heatKwh: number; elecKwh: number; compressorShare: number } {
  const frames: SimFrame[] = simulateAll({ brand, seed: 7 }, { from: FROM, to: TO });
  const a = frames[0] as SimFrame;
  const b = frames[frames.length - 1] as SimFrame;
  const step = 30 / 3600;
  return {
    heatKwh: b.heatKwh - a.heatKwh + (b.heatW * step) / 1000,
    elecKwh: b.electricalKwh - a.electricalKwh + (b.electricalW * step) / 1000,
    compressorShare: (100 * frames.filter((f) => f.compressorOn).length) / frames.length,
  };
}

test('husdata layout into InfluxDB 2 (Flux): the bridge reads Thermia registers and gets the true COP', async () => {
  const out = io();
  const code = await simulateCommand({
    io: out,
    brand: 'thermia',
    source: 'ground',
    seed: 7,
    days: 1,
    end: END,
    layout: 'husdata',
    target: { url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket },
    batchLines: 10_000,
    progress: false,
  });
  assert.equal(code, 0);
  const config = configSchema.parse({
    brand: 'thermia',
    timezone: 'UTC',
    influxdb: { url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket },
  });
  const { series, report: rep } = await report(config);
  assert.equal(series.outdoor_temp?.length, 1440);
  const t = truth('thermia');
  const heat = value(rep.energy_kwh.heat);
  const elec = value(rep.energy_kwh.electricity);
  // Heat is the bridge's flow-factor estimate from 1-min means; the counter is whole kWh.
  assert.ok(Math.abs(heat - t.heatKwh) / t.heatKwh < 0.05, `heat ${heat} vs ${t.heatKwh}`);
  assert.ok(Math.abs(elec - t.elecKwh) < 1.5, `electricity ${elec} vs ${t.elecKwh}`);
  assert.ok(Math.abs(value(rep.runtime.compressor_share_pct) - t.compressorShare) < 1);
  const cop = value(rep.cop.including_standby);
  assert.ok(Math.abs(cop - t.heatKwh / t.elecKwh) < 0.25, `COP ${cop} vs ${t.heatKwh / t.elecKwh}`);
  assert.match(out.out.join(''), /wrote \d+ points/);
});

test('home-assistant layout into InfluxDB 1 (InfluxQL): generic brand with the printed entity map', async () => {
  const out = io();
  await simulateCommand({
    io: out,
    brand: 'nibe',
    source: 'ground',
    seed: 7,
    days: 1,
    end: END,
    layout: 'home-assistant',
    target: { url: v1.url, database: 'homeassistant' },
    batchLines: 10_000,
    progress: false,
  });
  // The command prints `role: entity_id` lines for the config; use them as they are.
  const entities = Object.fromEntries(
    [...out.out.join('').matchAll(/^ {4}(\w+): ((?:sensor|binary_sensor)\.\w+)$/gm)].map((m) => [m[1], m[2]]),
  );
  assert.equal(entities.outdoor_temp, 'sensor.nibe_outdoor_temp');
  const config = configSchema.parse({
    brand: 'generic',
    timezone: 'UTC',
    influxdb: { url: v1.url, database: 'homeassistant' },
    source: { layout: 'home-assistant', entities },
    // HA writes a state only when it changes: a compressor can sit at "off" for hours.
    metrics: { stale_after_minutes: 720 },
  });
  const { series, report: rep } = await report(config);
  assert.deepEqual(Object.keys(series).sort(), Object.keys(entities).sort());
  const t = truth('nibe');
  const share = value(rep.runtime.compressor_share_pct);
  assert.ok(Math.abs(share - t.compressorShare) < 1.5, `compressor ${share} vs ${t.compressorShare}`);
  const cop = value(rep.cop.including_standby);
  assert.ok(Math.abs(cop - t.heatKwh / t.elecKwh) < 0.25, `COP ${cop} vs ${t.heatKwh / t.elecKwh}`);
});
