import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runtimeShares } from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import {
  MIN,
  SCENARIO_A,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  T0,
  at,
  close,
  valueOf,
} from '../fixtures.js';

describe('runtime shares', () => {
  it('golden scenario A: compressor heating / hot water / aux only / idle of 240 min', () => {
    const r = runtimeShares(SCENARIO_A, { ...SCENARIO_A_RANGE, options: SCENARIO_A_OPTIONS });
    close(valueOf(r.compressorHeatingPct), (60 / 240) * 100);
    close(valueOf(r.compressorHotWaterPct), (30 / 240) * 100);
    // Aux 30-45 overlaps the compressor and counts as compressor time; only 200-210 is aux only.
    close(valueOf(r.auxOnlyPct), (10 / 240) * 100);
    close(valueOf(r.idlePct), (140 / 240) * 100);
    close(valueOf(r.compressorHours), 1.5);
    close(valueOf(r.auxHours), 25 / 60);
    assert.equal(r.breakdown.auxWithCompressorMs, 15 * MIN);
    close(valueOf(r.coveragePct), 100);
  });

  it('golden scenario A: compressor and aux totals overlap (15 min of both counted in each)', () => {
    const r = runtimeShares(SCENARIO_A, { ...SCENARIO_A_RANGE, options: SCENARIO_A_OPTIONS });
    close(valueOf(r.compressorPct), (90 / 240) * 100);
    // Aux 30-45 (with the compressor) + 200-210 (alone).
    close(valueOf(r.auxPct), (25 / 240) * 100);
    assert.equal(r.compressorPct.status, 'measured');
    const noAux = runtimeShares(
      { compressor: SCENARIO_A.compressor ?? [] },
      { ...SCENARIO_A_RANGE, options: SCENARIO_A_OPTIONS },
    );
    assert.deepEqual(noAux.auxPct, {
      status: 'unavailable',
      reason: 'no aux heater signal',
      code: 'no_aux_signal',
    });
    const none = runtimeShares({}, { from: T0, to: T0 + MIN });
    assert.equal((none.compressorPct as { code?: string }).code, 'no_compressor_state');
  });

  it('shares are of the time the compressor state is known; gaps lower the coverage instead', () => {
    // staleMs 15 min: compressor on 0-15, gap 15-60, off 60-75, gap 75-120 ...
    const r = runtimeShares(
      {
        compressor: at([
          [0, 1],
          [60, 0],
        ]),
      },
      { from: T0, to: T0 + 120 * MIN },
    );
    close(valueOf(r.compressorHeatingPct), 50);
    close(valueOf(r.coveragePct), 25);
    assert.equal(r.compressorHeatingPct.status, 'estimated');
    assert.match((r.idlePct as { basis: string }).basis, /no aux heater signal/);
    assert.equal(r.auxOnlyPct.status, 'unavailable');
    assert.equal(r.compressorHotWaterPct.status, 'unavailable');
  });

  it('valve gaps are counted as heating and said so', () => {
    const r = runtimeShares(
      {
        compressor: at([[0, 1]]),
        valve: at([
          [0, 0],
          [10, 1],
        ]),
      },
      { from: T0, to: T0 + 60 * MIN, options: { staleMs: 60 * MIN, staleMsByRole: { valve: 20 * MIN } } },
    );
    // valve known 0-30 (hot water 10-30), unknown 30-60 -> heating 10 + 30 min.
    close(valueOf(r.compressorHeatingPct), (40 / 60) * 100);
    assert.match((r.compressorHeatingPct as { basis: string }).basis, /valve unknown for 30 min/);
  });

  it('no compressor data: every share unavailable', () => {
    const r = runtimeShares({}, { from: T0, to: T0 + MIN });
    assert.equal(r.idlePct.status, 'unavailable');
    assert.equal(runtimeShares({}, { from: T0, to: T0 }).coveragePct.status, 'unavailable');
  });

  it('property: the four shares are never negative and sum to 100 %', () => {
    fc.assert(
      fc.property(arbSeries(), (series) => {
        const r = runtimeShares(series, { from: T0, to: T0 + 240 * MIN, options: { staleMs: 20 * MIN } });
        if (r.breakdown.coveredMs === 0) return;
        const b = r.breakdown;
        const parts = [b.compressorHeatingMs, b.compressorHotWaterMs, b.auxOnlyMs, b.idleMs];
        // compressor + aux only + idle = 100 %; aux total = aux only + aux with compressor.
        close(valueOf(r.compressorPct) + ((b.auxOnlyMs + b.idleMs) / b.coveredMs) * 100, 100, 1e-9);
        if (r.auxPct.status !== 'unavailable')
          close(r.auxPct.value, ((b.auxOnlyMs + b.auxWithCompressorMs) / b.coveredMs) * 100, 1e-9);
        assert.ok(parts.every((p) => p >= 0));
        assert.equal(
          parts.reduce((x, y) => x + y, 0),
          b.coveredMs,
        );
        const pct = [r.compressorHeatingPct, r.compressorHotWaterPct, r.auxOnlyPct, r.idlePct].map((f) =>
          f.status === 'unavailable' ? 0 : f.value,
        );
        close(
          pct.reduce((x, y) => x + y, 0),
          100,
          1e-9,
        );
      }),
      { numRuns: 80 },
    );
  });
});
