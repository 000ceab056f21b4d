import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Simulation,
  framesToSeries,
  simulateAll,
  simulateFrames,
  startSimulation,
} from '../../../src/simulator/index.js';
import { DAY_MS } from './sim-fixtures.js';

const from = Date.UTC(2024, 1, 1);
const range = { from, to: from + 3 * DAY_MS };

test('the same seed and range give bit-identical frames', () => {
  const a = simulateAll({ brand: 'ivt', seed: 5 }, range);
  const b = simulateAll({ brand: 'ivt', seed: 5 }, range);
  assert.equal(a.length, 3 * 2880);
  assert.deepEqual(a, b);
});

test('another seed gives other weather, taps and cycles', () => {
  const a = simulateAll({ brand: 'ivt', seed: 5 }, range);
  const b = simulateAll({ brand: 'ivt', seed: 6 }, range);
  const differing = a.filter((f, i) => f.outdoorC !== b[i]?.outdoorC).length;
  assert.equal(differing, a.length);
  assert.notDeepEqual(
    a.map((f) => f.compressorOn),
    b.map((f) => f.compressorOn),
  );
});

test('chunked generation equals one-shot generation, whatever the chunk size', () => {
  const oneShot = simulateAll({ brand: 'nibe', seed: 8 }, range);
  for (const chunkMs of [30_000, 7 * 3_600_000, DAY_MS, 5 * DAY_MS]) {
    const chunks = [...simulateFrames({ brand: 'nibe', seed: 8 }, { ...range, chunkMs })];
    assert.ok(chunks.every((c) => c.length <= Math.max(1, chunkMs / 30_000)));
    assert.deepEqual(chunks.flat(), oneShot, `chunk ${chunkMs} ms`);
  }
});

test('chunked canonical series concatenate to the one-shot series', () => {
  const chunks = [...simulateFrames({ brand: 'thermia', seed: 2 }, { ...range, chunkMs: 10 * 3_600_000 })];
  const whole = framesToSeries(chunks.flat(), { brand: 'thermia' });
  const parts = chunks.map((c) => framesToSeries(c, { brand: 'thermia' }));
  for (const [role, series] of Object.entries(whole)) {
    const joined = parts.flatMap((p) => p[role as keyof typeof p] ?? []);
    assert.deepEqual(joined, series, role);
  }
});

test('frames sit on the step grid: from is rounded up, to is exclusive', () => {
  const frames = simulateAll({ brand: 'thermia', seed: 1 }, { from: from + 1, to: from + 3_600_000 });
  assert.equal(frames[0]?.t, from + 30_000);
  assert.equal(frames.at(-1)?.t, from + 3_600_000 - 30_000);
  assert.ok(frames.every((f) => f.t % 30_000 === 0));
});

test('weather, taps and alarms of a date do not depend on the start of the simulation', () => {
  const t = Date.UTC(2024, 1, 10);
  const early = startSimulation({ brand: 'thermia', seed: 4 }, { from: t - 20 * DAY_MS });
  early.skipTo(t);
  const late = startSimulation({ brand: 'thermia', seed: 4 }, { from: t });
  for (let i = 0; i < 2880; i++) {
    const a = early.step();
    const b = late.step();
    assert.equal(a.outdoorC, b.outdoorC);
    assert.equal(a.tapW, b.tapW);
    assert.equal(a.alarmCode, b.alarmCode);
  }
});

test('a Simulation stepped by hand matches simulateAll after the same warm-up', () => {
  const sim = new Simulation({ brand: 'ivt', seed: 5 }, from - 2 * DAY_MS);
  sim.skipTo(from);
  const byHand = Array.from({ length: 100 }, () => sim.step());
  const generated = simulateAll({ brand: 'ivt', seed: 5 }, { from, to: from + 100 * 30_000 });
  assert.deepEqual(byHand, generated);
});
