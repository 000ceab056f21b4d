import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLedger,
  electricalEnergy,
  energyFromLedger,
  heatEnergy,
  resolveMetricOptions,
} from '../../../src/index.js';
import {
  HOUR,
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

const ledgerOf = (series: Parameters<typeof buildLedger>[0], options = {}, range = SCENARIO_A_RANGE) =>
  buildLedger(series, { range, options: resolveMetricOptions({ ...SCENARIO_A_OPTIONS, ...options }) });

describe('heat and electrical energy', () => {
  it('golden scenario A: flow-factor heat (estimated), aux added, valve split, standby electricity', () => {
    const e = energyFromLedger(ledgerOf(SCENARIO_A));
    close(valueOf(e.heatPumpHeat), 20.25);
    close(valueOf(e.auxHeater), 1.75);
    close(valueOf(e.heat), 22);
    close(valueOf(e.heatSpaceHeating), 15.25);
    close(valueOf(e.heatHotWater), 6.75);
    close(valueOf(e.electricity), SCENARIO_A_ELEC);
    close(valueOf(e.electricityStandby), 0.01 + (10 * (50 / 60)) / 1000 + 0.005);
    assert.equal(e.heat.status, 'estimated');
    assert.match((e.heat as { basis: string }).basis, /flow factor 2.7 kW\/K/);
    assert.match((e.heat as { basis: string }).basis, /aux heater heat estimated/);
    assert.equal(e.electricity.status, 'measured');
  });

  it('golden: heat counter with a reset and electricity counter with a wrap', () => {
    const series = {
      heat_energy: at([
        [0, 500],
        [30, 505],
        [60, 0.5],
        [90, 3.5],
      ]),
      electrical_energy: at([
        [0, 9998],
        [90, 2],
      ]),
    };
    const range = { from: T0, to: T0 + 90 * MIN };
    const heat = heatEnergy(series, { ...range, options: { counterWrapKwh: 10000 } });
    const elec = electricalEnergy(series, { ...range, options: { counterWrapKwh: 10000 } });
    assert.deepEqual(heat, {
      status: 'estimated',
      value: 8,
      unit: 'kWh',
      basis: 'no aux heater signal: aux heat not counted',
      code: 'aux_not_counted',
    });
    assert.deepEqual(elec, { status: 'measured', value: 4, unit: 'kWh' });
    // heatIncludesAux: the counter already includes the aux heater, nothing to note.
    assert.deepEqual(heatEnergy(series, { ...range, options: { heatIncludesAux: true } }), {
      status: 'measured',
      value: 8,
      unit: 'kWh',
    });
  });

  it('golden: counters are interpolated linearly at range edges (energy spread evenly between reads)', () => {
    const series = {
      electrical_energy: at([
        [0, 100],
        [60, 106],
      ]),
    };
    close(valueOf(electricalEnergy(series, { from: T0 + 10 * MIN, to: T0 + 40 * MIN })), 3);
  });

  it('golden: heat power integrated (measured) wins over the flow-factor estimate', () => {
    const series = {
      ...SCENARIO_A,
      heat_power: at([
        [-10, 0],
        [0, 12000],
        [60, 0],
      ]),
    };
    const e = energyFromLedger(ledgerOf(series, { heatIncludesAux: true }));
    assert.deepEqual(e.heat, { status: 'measured', value: 12, unit: 'kWh' });
    // The meter includes the aux heater: heat-pump heat = 12 - (0.75 + 1) kWh of aux.
    close(valueOf(e.heatPumpHeat), 12 - 1.75);
  });

  it('missing roles make figures unavailable with a reason, never invented', () => {
    const e = energyFromLedger(ledgerOf({ compressor: SCENARIO_A.compressor! }));
    assert.equal(e.heat.status, 'unavailable');
    assert.match((e.heat as { reason: string }).reason, /supply_temp, return_temp/);
    assert.deepEqual(e.electricity, {
      status: 'unavailable',
      reason: 'no electricity signal (electrical_energy or electrical_power)',
      code: 'no_electricity_signal',
    });
    assert.equal(e.auxHeater.status, 'unavailable');
    const noValve = energyFromLedger(ledgerOf({ ...SCENARIO_A, valve: undefined }));
    assert.match((noValve.heatHotWater as { reason: string }).reason, /no valve signal/);
    const noCompressor = energyFromLedger(ledgerOf({ electrical_power: SCENARIO_A.electrical_power! }));
    assert.match((noCompressor.electricityStandby as { reason: string }).reason, /no compressor signal/);
    assert.match((noCompressor.heat as { reason: string }).reason, /compressor/);
  });

  it('a signal that exists but has no data in the range is unavailable, not zero', () => {
    const series = { electrical_power: at([[-600, 1000]]), heat_power: at([[-600, 1000]]) };
    const e = energyFromLedger(ledgerOf(series, { staleMs: 15 * MIN }));
    assert.deepEqual(e.electricity, {
      status: 'unavailable',
      reason: 'no electricity data in range',
      code: 'no_electricity_data',
    });
    assert.deepEqual(e.heat, {
      status: 'unavailable',
      reason: 'no heat data in range',
      code: 'no_heat_data',
    });
  });

  it('gaps are not filled: a power signal silent for an hour contributes only its held part', () => {
    // staleMs 15 min: 1 kW held 0-15 (0.25 kWh), gap 15-90, 2 kW held 90-105 (0.5 kWh).
    const series = {
      electrical_power: at([
        [0, 1000],
        [90, 2000],
      ]),
    };
    close(valueOf(electricalEnergy(series, { from: T0, to: T0 + 2 * HOUR })), 0.75);
  });
});
