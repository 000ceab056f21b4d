import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Prng, substream } from '../../../src/simulator/index.js';

test('the same seed gives the same sequence, another seed a different one', () => {
  const a = new Prng(7);
  const b = new Prng(7);
  const c = new Prng(8);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    seqA,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    seqA,
    Array.from({ length: 5 }, () => c.next()),
  );
});

test('uniform draws lie in [0, 1) with mean 1/2 and normal draws have mean 0 and variance 1', () => {
  const r = new Prng(1);
  const n = 100_000;
  let sum = 0;
  let min = 1;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const u = r.next();
    sum += u;
    min = Math.min(min, u);
    max = Math.max(max, u);
  }
  assert.ok(min >= 0 && max < 1);
  assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal();
    s1 += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s1 / n) < 0.02, `normal mean ${s1 / n}`);
  assert.ok(Math.abs(s2 / n - 1) < 0.02, `normal variance ${s2 / n}`);
});

test('named substreams of one seed are independent and reproducible', () => {
  const weather = substream(3, 'weather').next();
  assert.equal(substream(3, 'weather').next(), weather);
  assert.notEqual(substream(3, 'taps').next(), weather);
  assert.notEqual(substream(4, 'weather').next(), weather);
});

test('pick and between stay within their bounds', () => {
  const r = new Prng(9);
  for (let i = 0; i < 1000; i++) {
    assert.ok([2, 4, 6].includes(r.pick([2, 4, 6])));
    const x = r.between(-3, 5);
    assert.ok(x >= -3 && x < 5);
  }
  assert.throws(() => r.pick([]), /non-empty/);
});
