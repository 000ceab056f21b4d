import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimulatorSource } from '../../../bridge/demo/simulator-source.js';

const NOW = Date.UTC(2024, 1, 1, 12);

test('start simulates the history; fetch returns the brand roles in the InfluxDB windowed shape', async () => {
  let now = NOW;
  const progress: number[] = [];
  const source = new SimulatorSource({
    brand: 'thermia',
    seed: 3,
    historyDays: 10,
    now: () => now,
    onProgress: (d) => progress.push(d),
  });
  await source.start();
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const r = await source.fetch({ from: NOW - 3_600_000, to: NOW, windowMs: 60_000 });
  assert.ok(r.series.electrical_power && r.series.supply_temp && r.series.compressor);
  assert.equal(r.series.heat_power, undefined, 'Thermia has no heat meter');
  assert.equal(r.series.outdoor_temp?.length, 60);
  assert.ok(r.series.compressor?.every((s) => s.v === 0 || s.v === 1));
  assert.equal(
    r.rows,
    Object.values(r.series).reduce((n, s) => n + s.length, 0),
  );
  // Time passes: the next fetch sees new samples.
  now += 5 * 60_000;
  const later = await source.fetch({ from: NOW, to: now, windowMs: 60_000 });
  assert.equal(later.series.outdoor_temp?.length, 5);
  const d = await source.describe();
  assert.equal(d.kind, 'simulator');
  assert.ok(d.rolesFound.includes('electrical_energy'));
  await source.stop();
  await assert.rejects(source.fetch({ from: NOW, to: now, windowMs: 60_000 }), /not started/);
});

test('NIBE through its gateway: a heat meter but no electricity, like the real registers', async () => {
  const source = new SimulatorSource({ brand: 'nibe', historyDays: 1, now: () => NOW });
  await source.start();
  const r = await source.fetch({ from: NOW - 3_600_000, to: NOW, windowMs: 300_000 });
  assert.ok(r.series.heat_energy);
  assert.equal(r.series.electrical_power, undefined);
  assert.ok(source.roles.includes('degree_minutes'));
});

test('the same seed gives the same answer (deterministic source)', async () => {
  const a = new SimulatorSource({ brand: 'ivt', seed: 9, historyDays: 2, now: () => NOW });
  const b = new SimulatorSource({ brand: 'ivt', seed: 9, historyDays: 2, now: () => NOW });
  await a.start();
  await b.start();
  const req = { from: NOW - 86_400_000, to: NOW, windowMs: 600_000 };
  assert.deepEqual(await a.fetch(req), await b.fetch(req));
});
