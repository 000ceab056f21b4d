import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildLedger,
  copNow,
  periodCop,
  periodCopFromLedger,
  rangeCopFromLedger,
  resolveMetricOptions,
} from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import {
  MIN,
  SCENARIO_A,
  SCENARIO_A_ELEC,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  T0,
  at,
  close,
  valueOf,
} from '../fixtures.js';

describe('COP', () => {
  it('golden scenario A: period COP = Σheat / Σelectricity, with running-only and valve splits', () => {
    const c = periodCop(SCENARIO_A, { ...SCENARIO_A_RANGE, options: SCENARIO_A_OPTIONS });
    close(valueOf(c.includingStandby), 22 / SCENARIO_A_ELEC);
    // Running-only leaves out the standby electricity of 60-120, 150-200 and 210-240 min.
    const runningElec = 1.0 + 1.25 + 0.5 + 1.25 + 6010 / 6 / 1000;
    close(valueOf(c.running), 22 / runningElec);
    close(valueOf(c.spaceHeating), (13.5 + 0.75 + 1) / (2.75 + 6010 / 6 / 1000));
    close(valueOf(c.hotWater), 6.75 / 1.25);
    close(c.sums.includingStandby.heatKwh, 22);
    close(c.sums.includingStandby.elecKwh, SCENARIO_A_ELEC);
    assert.equal(c.hotWater.status, 'estimated');
  });

  it('electricity scope: compressor / heat_pump meters leave the aux heat out of the COP', () => {
    const c = periodCop(SCENARIO_A, {
      ...SCENARIO_A_RANGE,
      options: { ...SCENARIO_A_OPTIONS, electricityScope: 'heat_pump' },
    });
    close(valueOf(c.includingStandby), 20.25 / SCENARIO_A_ELEC);
  });

  it('unavailable without electricity, without heat, without running signal or with too little electricity', () => {
    const noElec = periodCop({ ...SCENARIO_A, electrical_power: undefined }, SCENARIO_A_RANGE);
    assert.match((noElec.includingStandby as { reason: string }).reason, /no electricity signal/);
    const noHeat = periodCop({ electrical_power: SCENARIO_A.electrical_power! }, SCENARIO_A_RANGE);
    assert.match((noHeat.includingStandby as { reason: string }).reason, /no heat signal/);
    assert.match((noHeat.running as { reason: string }).reason, /no compressor signal/);
    const tiny = periodCop(
      { heat_power: at([[0, 3000]]), electrical_power: at([[0, 1000]]) },
      { from: T0, to: T0 + 30_000 },
    );
    assert.match((tiny.includingStandby as { reason: string }).reason, /below 0.01 kWh/);
    const disjoint = periodCop(
      { heat_power: at([[0, 3000]]), electrical_power: at([[100, 1000]]) },
      { from: T0, to: T0 + 200 * MIN },
    );
    assert.match((disjoint.includingStandby as { reason: string }).reason, /both heat and electricity/);
  });

  it('COP now: running part of the last window, power signals preferred over counters', () => {
    const series = {
      compressor: at([[0, 1]]),
      heat_power: at([
        [0, 9000],
        [55, 12000],
      ]),
      electrical_power: at([[0, 3000]]),
      // A coarse counter that would say something else: not used for "now".
      electrical_energy: at([
        [0, 0],
        [60, 10],
      ]),
    };
    // Window 45-60 min: heat 9 kW x 10 min + 12 kW x 5 min; electricity 3 kW x 15 min.
    const options = { staleMs: 2 * 60 * MIN };
    close(valueOf(copNow(series, { at: T0 + 60 * MIN, options })), (9 * 10 + 12 * 5) / (3 * 15));
    const off = {
      ...series,
      compressor: at([
        [0, 1],
        [58, 0],
      ]),
    };
    assert.deepEqual(copNow(off, { at: T0 + 60 * MIN, options }), {
      status: 'unavailable',
      reason: 'compressor not running',
      code: 'compressor_not_running',
    });
    assert.deepEqual(copNow({}, { at: T0 }), {
      status: 'unavailable',
      reason: 'no current compressor state',
      code: 'no_compressor_state',
    });
  });

  it('property: period COP equals Σheat/Σelec over any partition of the range', () => {
    fc.assert(
      fc.property(arbSeries(), fc.integer({ min: 1, max: 239 }), (series, split) => {
        const options = { staleMs: 20 * MIN, minCopElecKwh: 0 };
        const whole = periodCop(series, { from: T0, to: T0 + 240 * MIN, options });
        const a = periodCop(series, { from: T0, to: T0 + split * MIN, options });
        const b = periodCop(series, { from: T0 + split * MIN, to: T0 + 240 * MIN, options });
        for (const key of ['includingStandby', 'running', 'spaceHeating', 'hotWater'] as const) {
          close(a.sums[key].heatKwh + b.sums[key].heatKwh, whole.sums[key].heatKwh, 1e-6);
          close(a.sums[key].elecKwh + b.sums[key].elecKwh, whole.sums[key].elecKwh, 1e-6);
        }
        const cop = whole.includingStandby;
        if (cop.status !== 'unavailable') {
          const s = whole.sums.includingStandby;
          close(
            cop.value,
            (a.sums.includingStandby.heatKwh + b.sums.includingStandby.heatKwh) /
              (a.sums.includingStandby.elecKwh + b.sums.includingStandby.elecKwh),
            1e-6,
          );
          close(cop.value, s.heatKwh / s.elecKwh);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: the range COP of a ledger is exactly its period COP including standby', () => {
    fc.assert(
      fc.property(arbSeries(), fc.integer({ min: 1, max: 240 }), (series, minutes) => {
        const options = resolveMetricOptions({ staleMs: 20 * MIN, minCopElecKwh: 0 });
        const ledger = buildLedger(series, { range: { from: T0, to: T0 + minutes * MIN }, options });
        assert.deepEqual(rangeCopFromLedger(ledger), periodCopFromLedger(ledger).includingStandby);
      }),
      { numRuns: 200 },
    );
  });
});
