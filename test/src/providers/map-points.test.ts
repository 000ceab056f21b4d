import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ivt,
  mapPoints,
  mapRows,
  nibe,
  startPointMapping,
  thermia,
  type ProviderPoints,
  type ProviderRow,
} from '../../../src/index.js';

/** The same points one row each, as mapRows takes them. */
function rowsOf(runs: readonly ProviderPoints[]): ProviderRow[] {
  const rows: ProviderRow[] = [];
  for (const run of runs)
    for (let i = 0; i < run.t.length; i++)
      rows.push({ t: run.t[i] as number, name: run.name, registerId: run.registerId, value: run.v[i] });
  return rows;
}

describe('mapPoints (runs of numeric points)', () => {
  it('maps a run per register, counts NaN, infinities, bad times and unknown keys by reason', () => {
    const m = 60_000;
    const result = mapPoints(thermia, [
      { name: 'outdoor_temp', t: [0, m, 2 * m, 3 * m], v: [-5, Number.NaN, Number.POSITIVE_INFINITY, -4] },
      { registerId: '1a01', t: [0, Number.NaN], v: [1, 0] },
      { name: 'outdoor_temp', t: [4 * m], v: [-3] },
      { name: 'mystery', t: [0, m], v: [1, 2] },
    ]);
    assert.deepEqual(result.series.outdoor_temp, [
      { t: 0, v: -5 },
      { t: 3 * m, v: -4 },
      { t: 4 * m, v: -3 },
    ]);
    assert.deepEqual(result.series.compressor, [{ t: 0, v: 1 }]);
    assert.equal(result.issues.nan, 1);
    assert.equal(result.issues.non_finite, 1);
    assert.equal(result.issues.bad_timestamp, 1);
    assert.equal(result.issues.unknown_register, 2);
    assert.deepEqual(result.unknownKeys, ['mystery']);
  });

  it('property: the same series, issues and unknown keys as mapRows over the same points, at once or in batches', () => {
    const providers = [thermia, ivt, nibe];
    const names = [...new Set(providers.flatMap((p) => p.registers.map((r) => r.name)))].slice(0, 40);
    const value = fc.oneof(
      fc.double({ min: -50, max: 200, noNaN: true }),
      fc.integer({ min: -2, max: 20 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e308),
    );
    const time = fc.oneof(
      fc.integer({ min: 0, max: 50 }).map((i) => i * 30_000),
      fc.constant(Number.NaN),
    );
    const run = fc
      .tuple(fc.constantFrom(...names, 'unknown_key'), fc.array(fc.tuple(time, value), { maxLength: 12 }))
      .map(([name, points]) => ({ name, t: points.map((p) => p[0]), v: points.map((p) => p[1]) }));
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(run, { maxLength: 10 }),
        fc.constantFrom('skip' as const, 'sort' as const),
        fc.constantFrom('skip' as const, 'break' as const),
        (p, runs, outOfOrder, gapValues) => {
          const provider = providers[p] ?? thermia;
          const options = { outOfOrder, gapValues };
          const whole = mapPoints(provider, runs, options);
          assert.deepEqual(whole, mapRows(provider, rowsOf(runs), options));
          // Fed in batches as a read arrives (one run per batch): the same result.
          const mapping = startPointMapping(provider, options);
          for (const run of runs) mapping.add([run]);
          assert.deepEqual(mapping.finish(), whole);
        },
      ),
      { numRuns: 400 },
    );
  });
});
