import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstIndexAfter, firstIndexAtOrAfter, integrate, timeShare, valueAt } from '../../../src/index.js';
import { MIN, T0, at, close } from '../fixtures.js';

describe('integrate (hold-last-value with staleness)', () => {
  it('golden: change-only samples hold until the next one', () => {
    // 2 kW from 0 to 10 min, 5 kW from 10 to 40, 0 after: 2x10 + 5x30 = 170 kW·min.
    const s = at([
      [0, 2],
      [10, 5],
      [40, 0],
    ]);
    const r = integrate(s, { from: T0, to: T0 + 60 * MIN, staleMs: 60 * MIN });
    close(r.integral / MIN, 170);
    assert.equal(r.coveredMs, 60 * MIN);
    assert.deepEqual(r.gaps, []);
  });

  it('golden: a sample goes stale after staleMs and a gap is reported', () => {
    // staleMs 15 min: 2 holds 0-10, 5 holds 10-25, gap 25-40, 0 holds 40-55, gap 55-60.
    const s = at([
      [0, 2],
      [10, 5],
      [40, 0],
    ]);
    const r = integrate(s, { from: T0, to: T0 + 60 * MIN, staleMs: 15 * MIN });
    close(r.integral / MIN, 2 * 10 + 5 * 15);
    assert.equal(r.coveredMs, 40 * MIN);
    assert.deepEqual(r.gaps, [
      { from: T0 + 25 * MIN, to: T0 + 40 * MIN },
      { from: T0 + 55 * MIN, to: T0 + 60 * MIN },
    ]);
  });

  it('golden: a sample before the range holds into it; samples after the range are ignored', () => {
    const s = at([
      [-5, 4],
      [20, 1],
      [90, 100],
    ]);
    const r = integrate(s, { from: T0, to: T0 + 30 * MIN, staleMs: 60 * MIN });
    close(r.integral / MIN, 4 * 20 + 1 * 10);
    assert.equal(integrate(s, { from: T0 + 30 * MIN, to: T0, staleMs: 1 }).coveredMs, 0);
    assert.deepEqual(integrate([], { from: 0, to: 10, staleMs: 1 }).gaps, [{ from: 0, to: 10 }]);
  });

  it('timeShare is time-weighted, not a count of samples', () => {
    // Many "off" samples in 10 min, one "on" sample holding 50 min: on share = 50/60.
    const s = at([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
      [6, 0],
      [7, 0],
      [8, 0],
      [10, 1],
    ]);
    const r = timeShare(s, (v) => v > 0, { from: T0, to: T0 + 60 * MIN, staleMs: 60 * MIN });
    close(r.share, 50 / 60);
    assert.equal(r.trueMs, 50 * MIN);
    assert.equal(timeShare([], (v) => v > 0, { from: 0, to: 1, staleMs: 1 }).share, null);
  });

  it('valueAt, firstIndexAfter and firstIndexAtOrAfter', () => {
    const s = at([
      [0, 1],
      [10, 2],
    ]);
    assert.equal(valueAt(s, T0 + 5 * MIN, 15 * MIN), 1);
    assert.equal(valueAt(s, T0 + 30 * MIN, 15 * MIN), undefined);
    assert.equal(valueAt(s, T0 - 1, 15 * MIN), undefined);
    assert.equal(firstIndexAfter(s, T0), 1);
    assert.equal(firstIndexAtOrAfter(s, T0), 0);
    assert.equal(firstIndexAtOrAfter(s, T0 + 11 * MIN), 2);
  });

  it('property: splitting the range changes nothing', () => {
    const samples = fc.uniqueArray(
      fc.record({ m: fc.integer({ min: -30, max: 300 }), v: fc.integer({ min: -50, max: 50 }) }),
      {
        selector: (x) => x.m,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 240 }), (raw, split) => {
        const s = at(raw.sort((a, b) => a.m - b.m).map((x) => [x.m, x.v] as const));
        const hold = { from: T0, to: T0 + 240 * MIN, staleMs: 20 * MIN };
        const whole = integrate(s, hold);
        const a = integrate(s, { ...hold, to: T0 + split * MIN });
        const b = integrate(s, { ...hold, from: T0 + split * MIN });
        close(a.integral + b.integral, whole.integral, 1e-9);
        assert.equal(a.coveredMs + b.coveredMs, whole.coveredMs);
      }),
      { numRuns: 80 },
    );
  });

  it('property: a change-only log and the same log with repeated values integrate the same', () => {
    // Gaps never exceed staleMs, so a repeat between two samples cannot extend any validity.
    const steps = fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 20 }), v: fc.integer({ min: -50, max: 50 }) }),
      {
        minLength: 2,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(steps, fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (raw, pick, frac) => {
        let m = -5;
        const s = at(raw.map((x) => [(m += x.gap), x.v] as const));
        const hold = { from: T0, to: T0 + 300 * MIN, staleMs: 20 * MIN };
        const i = pick % (s.length - 1);
        const t = Math.round(s[i]!.t + frac * (s[i + 1]!.t - s[i]!.t));
        if (t <= s[i]!.t || t >= s[i + 1]!.t) return;
        const refined = [...s.slice(0, i + 1), { t, v: s[i]!.v }, ...s.slice(i + 1)];
        close(integrate(refined, hold).integral, integrate(s, hold).integral, 1e-9);
      }),
      { numRuns: 80 },
    );
  });
});
