import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gapMarker, heatPowerNow, type SeriesByRole } from '../../../src/index.js';
import { MIN, T0, at, close, valueOf } from '../fixtures.js';

const NOW = T0 + 60 * MIN;
const RUNNING: SeriesByRole = {
  compressor: at([[0, 1]]),
  supply_temp: at([[0, 35]]),
  return_temp: at([[0, 30]]),
};
const options = { staleMs: 2 * 60 * MIN };

describe('heatPowerNow', () => {
  it('golden: the heat meter held now wins (measured)', () => {
    const f = heatPowerNow({ ...RUNNING, heat_power: at([[50, 9000]]) }, { at: NOW, options });
    assert.deepEqual(f, { status: 'measured', value: 9000, unit: 'W' });
  });

  it('golden: else the flow-factor estimate from the last supply/return while running (estimated)', () => {
    const f = heatPowerNow(RUNNING, { at: NOW, options });
    // 2.7 kW/K x (35 - 30) K = 13.5 kW.
    close(valueOf(f), 13_500);
    assert.equal(f.status, 'estimated');
    assert.equal((f as { code?: string }).code, 'flow_factor');
    const off = heatPowerNow(
      {
        ...RUNNING,
        compressor: at([
          [0, 1],
          [55, 0],
        ]),
      },
      { at: NOW, options },
    );
    assert.equal(valueOf(off), 0);
    assert.equal(off.status, 'estimated');
  });

  it('golden: a heat counter gives the mean power over the last segment (measured)', () => {
    const f = heatPowerNow(
      {
        heat_energy: at([
          [0, 100],
          [30, 102],
          [60, 104],
        ]),
      },
      { at: NOW, options: { ...options, copNowWindowMs: 20 * MIN } },
    );
    close(valueOf(f), 4000);
    assert.equal(f.status, 'measured');
  });

  it('unavailable without a heat signal, with a stale meter, and inside a gap', () => {
    assert.deepEqual(heatPowerNow({ compressor: at([[0, 1]]) }, { at: NOW, options }), {
      status: 'unavailable',
      reason:
        'no heat signal: needs heat_energy, heat_power, or supply_temp, return_temp for the flow-factor estimate',
      code: 'no_heat_signal',
    });
    const stale = heatPowerNow(
      { ...RUNNING, heat_power: at([[0, 9000]]) },
      { at: NOW, options: { staleMs: 10 * MIN } },
    );
    assert.equal((stale as { code?: string }).code, 'no_current_value');
    const gap = heatPowerNow(
      { ...RUNNING, supply_temp: [...at([[0, 35]]), gapMarker(T0 + 55 * MIN)] },
      { at: NOW, options },
    );
    assert.equal(gap.status, 'unavailable');
  });
});
