import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addLocalDays,
  fromZoned,
  isValidTimeZone,
  localMidnightsBetween,
  startOfLocalDay,
  toZoned,
  zoneOffsetMs,
} from '../../../src/index.js';

const TZ = 'Europe/Stockholm';
const H = 3_600_000;

describe('zoned time (Intl only)', () => {
  it('offsets of Stockholm in winter and summer', () => {
    assert.equal(zoneOffsetMs(Date.UTC(2025, 0, 10), TZ), H);
    assert.equal(zoneOffsetMs(Date.UTC(2025, 6, 10), TZ), 2 * H);
    assert.deepEqual(toZoned(Date.UTC(2025, 2, 30, 1, 0, 0, 250), TZ), {
      year: 2025,
      month: 3,
      day: 30,
      hour: 3,
      minute: 0,
      second: 0,
      millisecond: 250,
    });
  });

  it('spring gap: 02:30 does not exist and moves forward to 03:30 CEST; autumn repeat takes the earlier', () => {
    assert.equal(
      fromZoned({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, TZ),
      Date.UTC(2025, 2, 30, 0, 30) + H,
    );
    assert.equal(
      fromZoned({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, TZ),
      Date.UTC(2025, 9, 26, 0, 30),
    );
    assert.equal(fromZoned({ year: 2025, month: 1, day: 32 }, TZ), Date.UTC(2025, 0, 31, 23));
  });

  it('local days are 23 h and 25 h long on DST days', () => {
    const spring = startOfLocalDay(Date.UTC(2025, 2, 30, 12), TZ);
    assert.equal(spring, Date.UTC(2025, 2, 29, 23));
    assert.equal(addLocalDays(spring, 1, TZ) - spring, 23 * H);
    const autumn = startOfLocalDay(Date.UTC(2025, 9, 26, 12), TZ);
    assert.equal(autumn, Date.UTC(2025, 9, 25, 22));
    assert.equal(addLocalDays(autumn, 1, TZ) - autumn, 25 * H);
  });

  it('a zone whose midnight falls in the DST gap starts the day at the transition', () => {
    // America/Santiago skips 2025-09-07 00:00-01:00 local (04:00Z).
    assert.equal(startOfLocalDay(Date.UTC(2025, 8, 7, 15), 'America/Santiago'), Date.UTC(2025, 8, 7, 4));
    const days = localMidnightsBetween(
      Date.UTC(2025, 8, 6, 12),
      Date.UTC(2025, 8, 8, 12),
      'America/Santiago',
    );
    assert.deepEqual(days, [Date.UTC(2025, 8, 7, 4), Date.UTC(2025, 8, 8, 3)]);
  });

  it('validates zone names', () => {
    assert.equal(isValidTimeZone('Europe/Stockholm'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
  });

  it('property: every local midnight between two instants is hour 0 of its day, 23-25 h apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
        const days = localMidnightsBetween(t, t + 10 * 24 * H, TZ);
        assert.ok(days.length >= 9 && days.length <= 10);
        for (let i = 0; i < days.length; i += 1) {
          const p = toZoned(days[i]!, TZ);
          assert.equal(p.hour + p.minute + p.second, 0);
          if (i > 0) assert.ok([23, 24, 25].includes((days[i]! - days[i - 1]!) / H));
        }
      }),
      { numRuns: 40 },
    );
  });
});
