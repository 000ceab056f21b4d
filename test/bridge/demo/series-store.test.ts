import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ColumnTier } from '../../../bridge/demo/column-tier.js';
import { SeriesStore } from '../../../bridge/demo/series-store.js';
import { aggregateSamples } from '../../../bridge/sources/aggregate.js';
import type { Sample } from '../../../src/model/index.js';

const T0 = Date.UTC(2024, 0, 1);
const STEP = 30_000;

function filled(days: number): { store: SeriesStore; raw: { outdoor_temp: Sample[]; compressor: Sample[] } } {
  const store = new SeriesStore({
    roles: ['outdoor_temp', 'compressor'],
    fineKeepMs: 86_400_000,
    coarseWindowMs: 300_000,
  });
  const raw = { outdoor_temp: [] as Sample[], compressor: [] as Sample[] };
  for (let t = T0; t < T0 + days * 86_400_000; t += STEP) {
    const temp = Math.sin(t / 3_600_000);
    const on = Math.floor(t / 1_700_000) % 2;
    store.append(t, [temp, on]);
    raw.outdoor_temp.push({ t, v: temp });
    raw.compressor.push({ t, v: on });
  }
  return { store, raw };
}

test('the column tier grows, drops old rows and finds ranges by binary search', () => {
  const tier = new ColumnTier(2);
  for (let i = 0; i < 5000; i++) tier.push(i * 10, [i, -i]);
  assert.equal(tier.length, 5000);
  assert.deepEqual(tier.indexRange(100, 130), [10, 13]);
  tier.dropBefore(20_000);
  assert.equal(tier.firstTime, 20_000);
  tier.push(50_000, [1, 2]);
  assert.equal(tier.length, 3001);
  const [i0] = tier.indexRange(20_000, 20_001);
  assert.equal(tier.value(1, i0), -2000);
});

test('fine-tier fetches equal aggregating the raw samples (mean for analog, last for states)', () => {
  const { store, raw } = filled(1);
  const from = T0 + 3_600_000 + 7_000;
  const to = T0 + 5 * 3_600_000;
  for (const windowMs of [30_000, 60_000, 120_000]) {
    const fetched = store.fetch(from, to, windowMs);
    const expected = aggregateSamples(raw, { from, to, windowMs });
    assert.equal(fetched.outdoor_temp?.length, expected.outdoor_temp?.length);
    fetched.outdoor_temp?.forEach((s, i) => {
      assert.equal(s.t, expected.outdoor_temp?.[i]?.t);
      assert.ok(Math.abs(s.v - (expected.outdoor_temp?.[i]?.v ?? NaN)) < 1e-9);
    });
    assert.deepEqual(fetched.compressor, expected.compressor);
  }
});

test('coarse windows reproduce the sample mean and the last state exactly', () => {
  const { store, raw } = filled(3);
  const from = T0;
  const to = T0 + 3 * 86_400_000;
  const windowMs = 3_600_000;
  const fetched = store.fetch(from, to, windowMs);
  const expected = aggregateSamples(raw, { from, to, windowMs });
  assert.equal(fetched.outdoor_temp?.length, 72);
  fetched.outdoor_temp?.forEach((s, i) =>
    assert.ok(Math.abs(s.v - (expected.outdoor_temp?.[i]?.v ?? NaN)) < 1e-9),
  );
  assert.deepEqual(fetched.compressor, expected.compressor);
});

test('older than the fine tier, fine windows come from the coarse tier without duplicate times', () => {
  const { store } = filled(3);
  const fetched = store.fetch(T0, T0 + 3 * 86_400_000, 60_000);
  const times = (fetched.outdoor_temp ?? []).map((s) => s.t);
  assert.equal(new Set(times).size, times.length);
  for (let i = 1; i < times.length; i++) assert.ok((times[i] ?? 0) > (times[i - 1] ?? 0));
  // Two days at 5 min from the coarse tier, about a day at 1 min from the fine tier.
  const old = times.filter((t) => t < T0 + 2 * 86_400_000 - 3_600_000);
  assert.ok(old.every((t) => t % 300_000 === 0));
  assert.ok(times.length > 1440 + 500);
});

test('the open coarse window is part of coarse fetches', () => {
  const { store } = filled(1);
  store.append(T0 + 86_400_000, [5, 1]);
  const last = store.fetch(T0, T0 + 86_400_000 + 1, 300_000).outdoor_temp?.at(-1);
  assert.deepEqual(last, { t: T0 + 86_400_000, v: 5 });
});
