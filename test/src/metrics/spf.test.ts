import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLedger, resolveMetricOptions, spfFromLedger } from '../../../src/index.js';
import {
  SCENARIO_A,
  SCENARIO_A_ELEC,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  close,
  valueOf,
} from '../fixtures.js';

const spf = (options: object, series = SCENARIO_A) =>
  spfFromLedger(
    buildLedger(series, {
      range: SCENARIO_A_RANGE,
      options: resolveMetricOptions({ ...SCENARIO_A_OPTIONS, ...options }),
    }),
  );

describe('SPF with SEPEMO boundary', () => {
  it('unit meter (default): H4 = (Q_hp + aux) / E', () => {
    const r = spf({});
    assert.equal(r.boundary, 'H4');
    close(valueOf(r.figure), 22 / SCENARIO_A_ELEC);
    assert.match(r.description, /^H4/);
  });

  it('compressor meter: H1 = Q_hp / E', () => {
    const r = spf({ electricityScope: 'compressor' });
    assert.equal(r.boundary, 'H1');
    close(valueOf(r.figure), 20.25 / SCENARIO_A_ELEC);
  });

  it('heat-pump meter: H3 with an aux heater signal, H2 without', () => {
    const h3 = spf({ electricityScope: 'heat_pump' });
    assert.equal(h3.boundary, 'H3');
    close(valueOf(h3.figure), (20.25 + 1.75) / (SCENARIO_A_ELEC + 1.75));
    const h2 = spf({ electricityScope: 'heat_pump' }, { ...SCENARIO_A, aux_heater: undefined });
    assert.equal(h2.boundary, 'H2');
    close(valueOf(h2.figure), 20.25 / SCENARIO_A_ELEC);
  });

  it('no SPF without electricity, and no boundary is claimed', () => {
    const r = spf({}, { ...SCENARIO_A, electrical_power: undefined });
    assert.equal(r.boundary, null);
    assert.equal(r.figure.status, 'unavailable');
    assert.match(r.description, /^no SPF/);
  });
});
