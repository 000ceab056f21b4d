import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLedger, deltaTFromLedger, deltaTSeries, resolveMetricOptions } from '../../../src/index.js';
import type { SeriesByRole } from '../../../src/index.js';
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

const ledger = (series: SeriesByRole, range = SCENARIO_A_RANGE) =>
  buildLedger(series, { range, options: resolveMetricOptions(SCENARIO_A_OPTIONS) });

describe('delta T', () => {
  it('golden scenario A: 5 K supply - return and 3 K brine while running', () => {
    const d = deltaTFromLedger(ledger(SCENARIO_A));
    assert.deepEqual(d.supplyReturn, { status: 'measured', value: 5, unit: 'K' });
    assert.deepEqual(d.brine, { status: 'measured', value: 3, unit: 'K' });
  });

  it('golden: time-weighted over irregular samples, not a mean of samples', () => {
    // Running 0-60: ΔT 4 K for 50 min (one sample), then 10 K for 10 min (five samples).
    const series = {
      compressor: at([
        [0, 1],
        [60, 0],
      ]),
      supply_temp: at([
        [0, 34],
        [50, 40],
        [52, 40],
        [54, 40],
        [56, 40],
        [58, 40],
      ]),
      return_temp: at([[0, 30]]),
    };
    const d = deltaTFromLedger(ledger(series, { from: T0, to: T0 + 60 * MIN }));
    close(valueOf(d.supplyReturn), (4 * 50 + 10 * 10) / 60);
    assert.match((d.brine as { reason: string }).reason, /no brine_in_temp, brine_out_temp signal/);
  });

  it('no running time gives unavailable', () => {
    const d = deltaTFromLedger(ledger({ ...SCENARIO_A, compressor: at([[-10, 0]]) }));
    assert.match((d.supplyReturn as { reason: string }).reason, /no running time/);
  });

  it('chart series: a point per change, null while not running', () => {
    const points = deltaTSeries(SCENARIO_A, {
      ...SCENARIO_A_RANGE,
      pair: 'supply_return',
      options: SCENARIO_A_OPTIONS,
    });
    assert.deepEqual(
      points.map((p) => [(p.t - T0) / MIN, p.v]),
      [
        [0, 5],
        [60, null],
        [120, 5],
        [150, null],
      ],
    );
    const brine = deltaTSeries(SCENARIO_A, {
      ...SCENARIO_A_RANGE,
      pair: 'brine',
      options: SCENARIO_A_OPTIONS,
    });
    assert.equal(brine[0]?.v, 3);
  });
});
