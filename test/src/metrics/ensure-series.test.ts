import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureSeriesByRole, isValidSeries } from '../../../src/index.js';
import type { SeriesByRole } from '../../../src/index.js';

describe('ensureSeriesByRole', () => {
  it('passes valid series through untouched (same array)', () => {
    const s = [
      { t: 1, v: 1 },
      { t: 2, v: 2 },
    ];
    assert.equal(ensureSeriesByRole({ valve: s }).series.valve, s);
    assert.equal(isValidSeries(s), true);
    assert.equal(
      isValidSeries([
        { t: 2, v: 1 },
        { t: 2, v: 1 },
      ]),
      false,
    );
    assert.equal(isValidSeries([{ t: 1, v: '1' }]), false);
    assert.equal(isValidSeries('x'), false);
  });

  it('cleans invalid series, drops unknown keys and non-arrays, counts issues', () => {
    const r = ensureSeriesByRole({
      valve: [
        { t: 2, v: 1 },
        { t: 1, v: 0 },
        { t: 3, v: Infinity },
      ],
      banana: [{ t: 1, v: 1 }],
      compressor: 5,
    } as unknown as SeriesByRole);
    assert.deepEqual(r.series, { valve: [{ t: 2, v: 1 }] });
    assert.equal(r.issues.out_of_order, 1);
    assert.equal(r.issues.non_finite, 1);
    assert.deepEqual(ensureSeriesByRole(undefined as never).series, {});
  });
});
