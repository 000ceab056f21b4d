import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseUtcTime } from '../../../bridge/influx/rfc3339.js';

/** parseUtcTime over a whole string. */
const parse = (text: string): number => parseUtcTime(text, 0, text.length);

describe('parseUtcTime (RFC 3339 UTC read in place)', () => {
  it('reads whole seconds, ms and ns fractions, from inside a longer text', () => {
    assert.equal(parse('2026-10-01T00:30:00Z'), Date.UTC(2026, 9, 1, 0, 30));
    assert.equal(parse('2024-02-29T23:59:59.5Z'), Date.UTC(2024, 1, 29, 23, 59, 59, 500));
    assert.equal(parse('1969-12-31T23:59:59.123456789Z'), -877);
    const line = ',,0,2026-10-01T00:30:00.25Z,1.5,BT1';
    assert.equal(parseUtcTime(line, 4, 27), Date.UTC(2026, 9, 1, 0, 30, 0, 250));
  });

  it('gives what Date.parse gives for any time in years 0-9999, with any fraction length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
        fc.integer({ min: 0, max: 9 }),
        (t, digits) => {
          const [head, ms] = new Date(t).toISOString().split(/[.Z]/) as [string, string];
          const text = digits === 0 ? `${head}Z` : `${head}.${(ms + '987654').slice(0, digits)}Z`;
          assert.equal(parse(text), Date.parse(text), text);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('anything else is left to Date.parse: offsets, out-of-range fields, garbage (NaN)', () => {
    for (const text of [
      '2026-10-01T02:30:00+02:00',
      '2026-02-30T00:00:00Z',
      '2026-10-01T24:00:00Z',
      '2026-10-01T00:30:60Z',
      '2026-10-01T00:30:00.Z',
      '2026-10-01T00:30:00.1234567891Z',
      '2026-1a-01T00:30:00Z',
      'not a time at all, no',
      '',
    ])
      assert.deepEqual(parse(text), Date.parse(text), text);
  });
});
