import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combineAuxSteps, gapMarker, ivt, isGap, mapRows, nibe } from '../../../src/index.js';

const t = (m: number) => m * 60_000;
const shape = (s: ReadonlyArray<{ t: number; v: number; gap?: true }> | undefined) =>
  s?.map((x) => [x.t / 60_000, isGap(x) ? 'gap' : x.v]);

describe("mapRows with gapValues: 'break'", () => {
  it('NIBE: an unavailable alarm code is a gap in the code and in the derived alarm flag', () => {
    const rows = [
      { t: t(0), registerId: '2A20', value: 21 },
      { t: t(1), registerId: '2A20', value: 'unavailable' },
      { t: t(2), registerId: '2A20', value: 0 },
    ];
    const broken = mapRows(nibe, rows, { gapValues: 'break' });
    assert.deepEqual(shape(broken.series.alarm_code), [
      [0, 21],
      [1, 'gap'],
      [2, 0],
    ]);
    assert.deepEqual(shape(broken.series.alarm_active), [
      [0, 1],
      [1, 'gap'],
      [2, 0],
    ]);
    assert.equal(broken.issues.non_numeric, 0);
    // The default still skips and counts it.
    const skipped = mapRows(nibe, rows);
    assert.equal(skipped.series.alarm_code?.length, 2);
    assert.equal(skipped.issues.non_numeric, 1);
  });

  it('IVT: a gap in one aux step makes the summed aux power unknown until that step reports again', () => {
    const { series } = mapRows(
      ivt,
      [
        { t: t(0), registerId: '1A02', value: 1 },
        { t: t(0), registerId: '1A03', value: 0 },
        { t: t(5), registerId: '1A03', value: 'unknown' },
        { t: t(10), registerId: '1A02', value: 0 },
        { t: t(15), registerId: '1A03', value: 1 },
      ],
      { gapValues: 'break' },
    );
    assert.deepEqual(shape(series.aux_heater), [
      [0, 3],
      [5, 'gap'],
      [10, 'gap'],
      [15, 6],
    ]);
  });

  it('combineAuxSteps: a step not yet seen is off, a step in a gap makes the total unknown', () => {
    const out = combineAuxSteps([[{ t: 0, v: 1 }, gapMarker(2)], undefined, [{ t: 1, v: 1 }]], [3, 6, 9]);
    assert.deepEqual(shape(out.map((s) => ({ ...s, t: s.t * 60_000 }))), [
      [0, 3],
      [1, 12],
      [2, 'gap'],
    ]);
  });
});
