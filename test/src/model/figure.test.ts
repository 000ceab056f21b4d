import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emptyIssueCounts,
  estimated,
  figureOf,
  figureValue,
  isAvailable,
  measured,
  mergeIssueCounts,
  rangeMs,
  unavailable,
} from '../../../src/index.js';

describe('figure', () => {
  it('figureOf is measured without notes, estimated with them, unavailable for non-finite values', () => {
    assert.deepEqual(figureOf(3, 'kWh', []), { status: 'measured', value: 3, unit: 'kWh' });
    assert.deepEqual(figureOf(3, 'kWh', ['a', 'b']), {
      status: 'estimated',
      value: 3,
      unit: 'kWh',
      basis: 'a; b',
    });
    assert.equal(figureOf(Number.NaN, '', []).status, 'unavailable');
    assert.equal(figureOf(Infinity, '', []).status, 'unavailable');
  });

  it('figureValue and isAvailable', () => {
    assert.equal(figureValue(measured(2, '')), 2);
    assert.equal(figureValue(estimated(2, '', 'x')), 2);
    assert.equal(figureValue(unavailable('why')), null);
    assert.equal(isAvailable(unavailable('why')), false);
    assert.equal(isAvailable(measured(1, '')), true);
  });

  it('issue counts merge per reason and ranges measure their length', () => {
    const a = emptyIssueCounts();
    a.nan = 2;
    const b = emptyIssueCounts();
    b.nan = 1;
    b.counter_reset = 4;
    const m = mergeIssueCounts(a, undefined, b);
    assert.equal(m.nan, 3);
    assert.equal(m.counter_reset, 4);
    assert.equal(rangeMs({ from: 5, to: 15 }), 10);
    assert.equal(rangeMs({ from: 15, to: 5 }), 0);
    assert.equal(rangeMs({ from: 0, to: Number.NaN }), 0);
  });
});
