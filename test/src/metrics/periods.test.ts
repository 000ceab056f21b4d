import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { periodRange, toZoned } from '../../../src/index.js';

const TZ = 'Europe/Stockholm';
const H = 3_600_000;

describe('periodRange in Europe/Stockholm', () => {
  it('today and yesterday around the spring DST change (23 h day)', () => {
    const now = Date.UTC(2025, 2, 30, 12); // 14:00 CEST
    assert.deepEqual(periodRange('today', now, TZ), { from: Date.UTC(2025, 2, 29, 23), to: now });
    assert.deepEqual(periodRange('yesterday', now, TZ), {
      from: Date.UTC(2025, 2, 28, 23),
      to: Date.UTC(2025, 2, 29, 23),
    });
    const monday = Date.UTC(2025, 2, 31, 6);
    const y = periodRange('yesterday', monday, TZ);
    assert.equal(y.to - y.from, 23 * H);
  });

  it('yesterday on the day after the autumn change is 25 h', () => {
    const y = periodRange('yesterday', Date.UTC(2025, 9, 27, 8), TZ);
    assert.deepEqual(y, { from: Date.UTC(2025, 9, 25, 22), to: Date.UTC(2025, 9, 26, 23) });
    assert.equal(y.to - y.from, 25 * H);
  });

  it('7d and 30d go back calendar days at the same wall-clock time', () => {
    const now = Date.UTC(2025, 3, 2, 10); // 12:00 CEST
    assert.deepEqual(periodRange('7d', now, TZ), { from: Date.UTC(2025, 2, 26, 11), to: now });
    assert.equal(periodRange('30d', now, TZ).from, Date.UTC(2025, 2, 3, 11));
  });

  it('month starts at local midnight of the 1st', () => {
    const now = Date.UTC(2025, 2, 30, 12);
    assert.deepEqual(periodRange('month', now, TZ), { from: Date.UTC(2025, 1, 28, 23), to: now });
  });

  it('heating season Sep 1 - May 31: current season, or the last complete one in summer', () => {
    assert.deepEqual(periodRange('season', Date.UTC(2025, 0, 10), TZ), {
      from: Date.UTC(2024, 7, 31, 22),
      to: Date.UTC(2025, 0, 10),
    });
    assert.deepEqual(periodRange('season', Date.UTC(2025, 6, 1), TZ), {
      from: Date.UTC(2024, 7, 31, 22),
      to: Date.UTC(2025, 4, 31, 22),
    });
    assert.deepEqual(periodRange('season', Date.UTC(2025, 9, 1), TZ), {
      from: Date.UTC(2025, 7, 31, 22),
      to: Date.UTC(2025, 9, 1),
    });
  });

  it('configurable season that does not wrap the year', () => {
    const southern = { startMonth: 4, startDay: 1, endMonth: 10, endDay: 31 };
    assert.deepEqual(periodRange('season', Date.UTC(2025, 11, 1), 'UTC', southern), {
      from: Date.UTC(2025, 3, 1),
      to: Date.UTC(2025, 10, 1),
    });
    assert.deepEqual(periodRange('season', Date.UTC(2025, 1, 1), 'UTC', southern), {
      from: Date.UTC(2024, 3, 1),
      to: Date.UTC(2024, 10, 1),
    });
  });

  it('property: today starts at a local midnight no later than now, and is at most 25 h long', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (now) => {
        const r = periodRange('today', now, TZ);
        const p = toZoned(r.from, TZ);
        assert.equal(p.hour + p.minute + p.second + p.millisecond, 0);
        assert.ok(r.from <= now && now - r.from < 25 * H);
        const y = periodRange('yesterday', now, TZ);
        assert.ok([23, 24, 25].includes((y.to - y.from) / H));
        const s = periodRange('season', now, TZ);
        assert.ok(s.from <= s.to && s.to <= now);
      }),
      { numRuns: 60 },
    );
  });

  it('an unknown zone is a configuration error', () => {
    assert.throws(() => periodRange('today', 0, 'Nowhere/Else'), RangeError);
  });
});
