import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GAP_STATES,
  cleanSeries,
  gapMarker,
  hasValues,
  isGap,
  isGapValue,
  totalIssueCount,
} from '../../../src/index.js';

// Home Assistant history of one sensor: a value, two "no value" states, a value again.
const HA_HISTORY = [
  { t: 0, v: '21.5' },
  { t: 10, v: 'unavailable' },
  { t: 20, v: 'unknown' },
  { t: 30, v: '22' },
  { t: 40, v: ' Unavailable ' },
  { t: 50, v: Number.NaN },
];

describe('gap markers in cleanSeries', () => {
  it("default 'skip': unavailable/unknown are dropped and counted, so the previous value holds", () => {
    const { series, issues, breaks } = cleanSeries(HA_HISTORY);
    assert.deepEqual(series, [
      { t: 0, v: 21.5 },
      { t: 30, v: 22 },
    ]);
    assert.equal(issues.non_numeric, 3);
    assert.equal(issues.nan, 1);
    assert.equal(breaks, 0);
  });

  it("golden 'break': unavailable/unknown/NaN become one gap marker each, redundant ones dropped", () => {
    const { series, issues, breaks } = cleanSeries(HA_HISTORY, { gapValues: 'break' });
    assert.equal(series.length, 4);
    assert.deepEqual(series[0], { t: 0, v: 21.5 });
    // 'unknown' at 20 right after the marker at 10 says nothing new: dropped.
    assert.equal(series[1]?.t, 10);
    assert.equal(isGap(series[1]), true);
    assert.ok(Number.isNaN(series[1]?.v));
    assert.deepEqual(series[2], { t: 30, v: 22 });
    assert.equal(series[3]?.t, 40);
    assert.equal(isGap(series[3]), true);
    assert.equal(breaks, 2);
    // Markers are information, not bad samples; the NaN at 50 follows a marker and is dropped.
    assert.equal(totalIssueCount(issues), 0);
  });

  it('a marker with nothing before it is dropped; a marker and a value at one instant: first wins', () => {
    const { series } = cleanSeries(
      [
        { t: 0, v: 'unknown' },
        { t: 5, v: 1 },
        { t: 5, v: 'unavailable' },
        { t: 9, v: 'unavailable' },
        { t: 9, v: 2 },
      ],
      { gapValues: 'break' },
    );
    assert.deepEqual(
      series.map((s) => [s.t, isGap(s)]),
      [
        [5, false],
        [9, true],
      ],
    );
  });

  it('rows that are markers already stay markers, also after JSON (v: null) and in any mode', () => {
    const cleaned = cleanSeries(HA_HISTORY, { gapValues: 'break' }).series;
    const viaJson = JSON.parse(JSON.stringify(cleaned)) as Array<{ t: number; v: unknown; gap?: true }>;
    assert.equal(viaJson[1]?.v, null);
    const again = cleanSeries(viaJson);
    assert.equal(again.breaks, 2);
    assert.equal(totalIssueCount(again.issues), 0);
    assert.deepEqual(
      again.series.map((s) => [s.t, isGap(s)]),
      cleaned.map((s) => [s.t, isGap(s)]),
    );
  });

  it("sorts markers with their timestamps under outOfOrder: 'sort'", () => {
    const { series, issues } = cleanSeries(
      [
        { t: 20, v: 2 },
        { t: 10, v: 'unavailable' },
        { t: 0, v: 1 },
      ],
      { gapValues: 'break', outOfOrder: 'sort' },
    );
    assert.deepEqual(
      series.map((s) => [s.t, isGap(s)]),
      [
        [0, false],
        [10, true],
        [20, false],
      ],
    );
    assert.equal(issues.out_of_order, 2);
  });

  it('isGapValue, gapMarker and hasValues', () => {
    assert.deepEqual(GAP_STATES, ['unavailable', 'unknown']);
    for (const v of ['unavailable', 'UNKNOWN', ' nan ', Number.NaN])
      assert.equal(isGapValue(v), true, String(v));
    for (const v of ['off', '0', 0, null, undefined, 'unavailable!'])
      assert.equal(isGapValue(v), false, String(v));
    const m = gapMarker(7);
    assert.equal(m.t, 7);
    assert.equal(m.gap, true);
    assert.equal(isGap(m), true);
    assert.equal(isGap({ t: 1, v: 1 }), false);
    assert.equal(isGap(undefined), false);
    assert.equal(hasValues([m]), false);
    assert.equal(hasValues(undefined), false);
    assert.equal(hasValues([m, { t: 8, v: 1 }]), true);
    assert.equal(hasValues([{ t: 1, v: 1 }, m], 2), false);
  });
});
