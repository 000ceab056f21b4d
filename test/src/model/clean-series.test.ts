import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanSeries, gapMarker, orderSamples, totalIssueCount, type Sample } from '../../../src/index.js';

describe('cleanSeries', () => {
  it('parses numbers, numeric strings, booleans and HA words; counts the rest by reason', () => {
    const { series, issues } = cleanSeries([
      { t: 1, v: 1.5 },
      { t: 2, v: ' 2.5 ' },
      { t: 3, v: true },
      { t: 4, v: 'on' },
      { t: 5, v: 'OFF' },
      { t: 6, v: null },
      { t: 7, v: undefined },
      { t: 8, v: Number.NaN },
      { t: 9, v: 'NaN' },
      { t: 10, v: Infinity },
      { t: 11, v: 'unavailable' },
      { t: 12, v: '0x10' },
      { t: 13, v: '' },
      { t: 14, v: { value: 1 } },
      { t: 15, v: 7n },
      { t: '2025-01-10T00:00:00Z', v: 3 },
      { t: new Date(Date.UTC(2025, 0, 11)), v: 4 },
      { t: 'yesterday', v: 5 },
      { t: Number.NaN, v: 5 },
    ]);
    assert.deepEqual(
      series.map((s) => s.v),
      [1.5, 2.5, 1, 1, 0, 7, 3, 4],
    );
    assert.equal(series[6]?.t, Date.UTC(2025, 0, 10));
    assert.equal(issues.missing_value, 2);
    assert.equal(issues.nan, 2);
    assert.equal(issues.non_finite, 1);
    assert.equal(issues.non_numeric, 4);
    assert.equal(issues.bad_timestamp, 2);
    assert.equal(totalIssueCount(issues), 11);
  });

  it('skips out-of-order samples by default (clock jumped back) and keeps the first duplicate', () => {
    const { series, issues } = cleanSeries([
      { t: 10, v: 1 },
      { t: 20, v: 2 },
      { t: 15, v: 9 },
      { t: 20, v: 3 },
      { t: 30, v: 4 },
    ]);
    assert.deepEqual(series, [
      { t: 10, v: 1 },
      { t: 20, v: 2 },
      { t: 30, v: 4 },
    ]);
    assert.equal(issues.out_of_order, 1);
    assert.equal(issues.duplicate_timestamp, 1);
  });

  it("sorts with outOfOrder: 'sort', counting the reordered samples", () => {
    const { series, issues } = cleanSeries(
      [
        { t: 30, v: 3 },
        { t: 10, v: 1 },
        { t: 20, v: 2 },
      ],
      { outOfOrder: 'sort' },
    );
    assert.deepEqual(
      series.map((s) => s.t),
      [10, 20, 30],
    );
    assert.equal(issues.out_of_order, 2);
  });

  it('state names that are Object.prototype keys are non-numeric, not values (fast-check found "__proto__")', () => {
    const { series, issues } = cleanSeries([
      { t: 1, v: '__proto__' },
      { t: 2, v: 'constructor' },
      { t: 3, v: 'toString' },
      { t: 4, v: 'on' },
    ]);
    assert.deepEqual(series, [{ t: 4, v: 1 }]);
    assert.equal(issues.non_numeric, 3);
  });

  it('property: never throws, output is strictly increasing and finite, every input is kept or counted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.oneof(fc.integer(), fc.double(), fc.string()), v: fc.anything() })),
        (raw) => {
          const { series, issues } = cleanSeries(raw);
          for (let i = 0; i < series.length; i += 1) {
            assert.ok(Number.isFinite(series[i]!.t) && Number.isFinite(series[i]!.v));
            if (i > 0) assert.ok(series[i]!.t > series[i - 1]!.t);
          }
          assert.equal(series.length + totalIssueCount(issues), raw.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: sorting shuffled input gives the sorted result; duplicated rows change nothing', () => {
    const rows = fc.uniqueArray(fc.record({ t: fc.integer({ min: 0, max: 1e6 }), v: fc.integer() }), {
      selector: (r) => r.t,
      maxLength: 40,
    });
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (unique, order) => {
        const sorted = [...unique].sort((a, b) => a.t - b.t);
        const shuffled = [...unique].sort((a, b) => order(a) - order(b) || a.t - b.t);
        assert.deepEqual(cleanSeries(shuffled, { outOfOrder: 'sort' }).series, cleanSeries(sorted).series);
        const doubled = sorted.flatMap((r) => [r, r]);
        const result = cleanSeries(doubled);
        assert.deepEqual(result.series, cleanSeries(sorted).series);
        assert.equal(result.issues.duplicate_timestamp, sorted.length);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves its input untouched (its own ordering works on a copy)', () => {
    const raw = [
      { t: 3, v: 1 },
      { t: 1, v: 2 },
      { t: 1, v: 3 },
    ];
    const copy = raw.map((r) => ({ ...r }));
    cleanSeries(raw, { outOfOrder: 'sort' });
    assert.deepEqual(raw, copy);
  });
});

describe('orderSamples (parsed samples, in place)', () => {
  const parsedSample: fc.Arbitrary<Sample> = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -5, max: 5 })).map(([t, v]) => ({ t, v })),
    fc.integer({ min: 0, max: 30 }).map((t) => gapMarker(t)),
  );

  it('property: the same series and counts as cleanSeries, in the array it was given', () => {
    fc.assert(
      fc.property(fc.array(parsedSample, { maxLength: 40 }), fc.boolean(), (samples, sort) => {
        const options = { outOfOrder: sort ? ('sort' as const) : ('skip' as const) };
        const expected = cleanSeries(samples, options);
        const own = [...samples];
        const result = orderSamples(own, options);
        assert.equal(result.series, own);
        assert.deepEqual(result.series, expected.series);
        assert.deepEqual(result.issues, expected.issues);
        assert.equal(result.breaks, expected.breaks);
      }),
      { numRuns: 200 },
    );
  });

  it('drops a leading or repeated gap marker, keeps the first of equal timestamps, counts into given issues', () => {
    const issues = cleanSeries([{ t: 0, v: 'x' }]).issues;
    const result = orderSamples(
      [gapMarker(1), { t: 2, v: 5 }, { t: 2, v: 6 }, gapMarker(3), gapMarker(4), { t: 1, v: 9 }],
      {},
      issues,
    );
    assert.deepEqual(result.series, [{ t: 2, v: 5 }, gapMarker(3)]);
    assert.equal(result.breaks, 1);
    assert.equal(result.issues, issues);
    assert.equal(issues.non_numeric, 1);
    assert.equal(issues.duplicate_timestamp, 1);
    assert.equal(issues.out_of_order, 1);
  });
});
