import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sumFigures } from '../../../bridge/pipeline/compute-snapshot.js';

describe('sumFigures (season total = before today + today)', () => {
  it('adds values and keeps the weakest status', () => {
    const m = { status: 'measured', value: 10, unit: 'kWh' } as const;
    const e = { status: 'estimated', value: 2.5, unit: 'kWh', basis: 'flow factor' } as const;
    assert.deepEqual(sumFigures(m, m), { status: 'measured', value: 20, unit: 'kWh' });
    assert.deepEqual(sumFigures(m, e), {
      status: 'estimated',
      value: 12.5,
      unit: 'kWh',
      basis: 'flow factor',
    });
    const u = { status: 'unavailable', reason: 'no heat signal' } as const;
    assert.deepEqual(sumFigures(u, m), u);
    assert.deepEqual(sumFigures(m, u), u);
  });
});
