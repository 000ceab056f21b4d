import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLedger,
  carnotCop,
  normalisedEfficiencyFromLedger,
  resolveMetricOptions,
} from '../../../src/index.js';
import { SCENARIO_A, SCENARIO_A_OPTIONS, SCENARIO_A_RANGE, T0, at, close, valueOf } from '../fixtures.js';

const ledger = (series = SCENARIO_A, options = {}) =>
  buildLedger(series, {
    range: SCENARIO_A_RANGE,
    options: resolveMetricOptions({ ...SCENARIO_A_OPTIONS, ...options }),
  });

describe('Carnot-normalised efficiency', () => {
  it('carnotCop = Tc / (Tc - Te) in kelvin', () => {
    close(carnotCop({ condensingC: 37, evaporatingC: -4 }), 310.15 / 41);
    close(carnotCop({ condensingC: 0, evaporatingC: -10 }), 273.15 / 10);
    assert.equal(carnotCop({ condensingC: 10, evaporatingC: 10 }), null);
    assert.equal(carnotCop({ condensingC: 5, evaporatingC: 10 }), null);
    assert.equal(carnotCop({ condensingC: Number.NaN, evaporatingC: 0 }), null);
  });

  it('golden scenario A: heat-weighted over the running time, compressor electricity only', () => {
    // Run 1: supply 35 -> Tc 310.15 K, brine 2 -> Te 269.15 K; Q 13.5 kWh; E 2.75 - 0.75 aux.
    // Run 2: supply 50 -> Tc 325.15 K; Q 6.75 kWh; E 1.25.
    const copc1 = 310.15 / 41;
    const copc2 = 325.15 / 56;
    const ideal = 13.5 / copc1 + 6.75 / copc2;
    const eff = normalisedEfficiencyFromLedger(ledger());
    close(valueOf(eff.efficiencyPct), (ideal / 3.25) * 100);
    close(valueOf(eff.carnotCop), 20.25 / ideal);
    assert.equal(eff.efficiencyPct.status, 'estimated');
    assert.match((eff.efficiencyPct as { basis: string }).basis, /supply \+ 2 K and brine_in_temp - 6 K/);
  });

  it('offsets are configurable and air source uses the outdoor temperature', () => {
    const air = normalisedEfficiencyFromLedger(
      ledger(
        { ...SCENARIO_A, outdoor_temp: at([[-10, -10]]) },
        { sourceType: 'air', condensingOffsetK: 0, evaporatingOffsetK: 0 },
      ),
    );
    const ideal = 13.5 / (308.15 / 45) + 6.75 / (323.15 / 60);
    close(valueOf(air.efficiencyPct), (ideal / 3.25) * 100);
    const noOutdoor = normalisedEfficiencyFromLedger(ledger(SCENARIO_A, { sourceType: 'air' }));
    assert.match((noOutdoor.efficiencyPct as { reason: string }).reason, /outdoor_temp/);
  });

  it('unavailable without heat, electricity or running time', () => {
    assert.equal(
      normalisedEfficiencyFromLedger(ledger({ ...SCENARIO_A, electrical_power: undefined })).efficiencyPct
        .status,
      'unavailable',
    );
    assert.equal(
      normalisedEfficiencyFromLedger(ledger({ electrical_power: SCENARIO_A.electrical_power! })).carnotCop
        .status,
      'unavailable',
    );
    const idle = { ...SCENARIO_A, compressor: [{ t: T0 - 1, v: 0 }] };
    assert.match(
      (normalisedEfficiencyFromLedger(ledger(idle)).efficiencyPct as { reason: string }).reason,
      /too little running time/,
    );
  });
});
