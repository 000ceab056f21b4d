import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildTimeline,
  gapMarker,
  type Role,
  type Sample,
  type Series,
  type SeriesByRole,
} from '../../../src/index.js';
import { heldSegments } from '../../../src/metrics/segments.js';
import { arbSeries } from '../arbitraries.js';
import { MIN, T0, at } from '../fixtures.js';

describe('buildTimeline', () => {
  it('aligns roles on the union of their changes, staleness ends and cuts', () => {
    const segs = buildTimeline(
      {
        compressor: at([
          [0, 1],
          [30, 0],
        ]),
        valve: at([[10, 1]]),
        supply_temp: at([[0, 40]]),
      },
      ['compressor', 'valve', 'supply_temp', 'return_temp'],
      {
        from: T0,
        to: T0 + 60 * MIN,
        staleMs: 60 * MIN,
        staleMsByRole: { supply_temp: 20 * MIN },
        cuts: [T0 + 45 * MIN, T0 - 5],
      },
    );
    assert.deepEqual(
      segs.map((s) => [(s.start - T0) / MIN, (s.end - T0) / MIN, s.values]),
      [
        [0, 10, { compressor: 1, supply_temp: 40 }],
        [10, 20, { compressor: 1, valve: 1, supply_temp: 40 }],
        [20, 30, { compressor: 1, valve: 1 }],
        [30, 45, { compressor: 0, valve: 1 }],
        [45, 60, { compressor: 0, valve: 1 }],
      ],
    );
  });

  it('empty or inverted ranges give no segments', () => {
    assert.deepEqual(buildTimeline({}, ['compressor'], { from: 10, to: 10, staleMs: 1 }), []);
    assert.deepEqual(
      buildTimeline({}, ['compressor'], { from: 0, to: 10, staleMs: 1 }).map((s) => s.values),
      [{}],
    );
  });
});

/**
 * The timeline as its definition reads: boundaries = every held segment's start and end (see
 * heldSegments) plus the cuts; each piece takes the value of the segment covering its start.
 * Slow and obvious, so the one-pass cursor walk can be checked against it.
 */
function referenceTimeline(
  series: SeriesByRole,
  roles: readonly Role[],
  opts: { from: number; to: number; staleMs: number; cuts: number[] },
): Array<[number, number, Partial<Record<Role, number>>]> {
  const held = roles.map((role) => ({
    role,
    segments: series[role] ? heldSegments(series[role], opts) : [],
  }));
  const points = new Set([opts.from, opts.to]);
  for (const h of held) for (const s of h.segments) points.add(s.start).add(s.end);
  for (const c of opts.cuts) if (c > opts.from && c < opts.to) points.add(c);
  const sorted = [...points].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((start, i) => {
    const values: Partial<Record<Role, number>> = {};
    for (const h of held) {
      const seg = h.segments.find((s) => s.start <= start && start < s.end);
      if (seg) values[h.role] = seg.v;
    }
    return [start, sorted[i + 1] as number, values];
  });
}

describe('buildTimeline against its definition (property)', () => {
  it('same pieces and values for irregular logs with gap markers, staleness and cuts', () => {
    const withGaps = (s: Series, marks: number[]): Series => {
      // Gap markers at some sample positions (never two in a row, never first), as cleanSeries leaves them.
      const out: Sample[] = [];
      s.forEach((x, i) =>
        out.push(marks.includes(i) && i > 0 && out.at(-1)?.gap !== true ? gapMarker(x.t) : x),
      );
      return out;
    };
    fc.assert(
      fc.property(
        arbSeries(),
        fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.integer({ min: -40, max: 320 }), { maxLength: 6 }),
        fc.integer({ min: -40, max: 200 }),
        fc.integer({ min: 1, max: 400 }),
        (raw, marks, staleMin, cutMin, fromMin, lengthMin) => {
          const series: SeriesByRole = {};
          for (const [role, s] of Object.entries(raw)) series[role as Role] = withGaps(s, marks);
          const roles = Object.keys(series) as Role[];
          const opts = {
            from: T0 + fromMin * MIN,
            to: T0 + (fromMin + lengthMin) * MIN,
            staleMs: staleMin * MIN,
            cuts: cutMin.map((m) => T0 + m * MIN),
          };
          const actual = buildTimeline(series, [...roles, 'outdoor_temp'], opts).map((s) => [
            s.start,
            s.end,
            s.values,
          ]);
          assert.deepEqual(actual, referenceTimeline(series, roles, opts));
        },
      ),
      { numRuns: 300 },
    );
  });
});
