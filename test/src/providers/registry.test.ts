import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getProvider, listBrands, thermia } from '../../../src/index.js';

describe('provider registry', () => {
  it('lists every brand from the one list', () => {
    assert.deepEqual(
      listBrands().map((b) => b.id),
      ['thermia', 'ivt', 'nibe', 'generic'],
    );
    assert.equal(listBrands().find((b) => b.id === 'nibe')?.alarmTableVerified, false);
  });

  it('finds a brand case-insensitively and rejects unknown brands with a readable error', () => {
    assert.equal(getProvider('Thermia').id, 'thermia');
    assert.throws(
      () => getProvider('daikin'),
      /brand: unknown brand "daikin"; known: thermia, ivt, nibe, generic/,
    );
  });

  it('applies overrides: aux conversion, register patches by id or name, extra registers, alarms', () => {
    const p = getProvider('ivt', {
      aux: { kind: 'percent', nominalKw: 7 },
      registers: {
        '0002': { role: 'supply_temp' },
        heat_carrier_forward: { role: null },
        '0007': { offset: -0.5 },
      },
      extraRegisters: [
        {
          registerId: 'ABCD',
          name: 'x',
          role: 'indoor_temp',
          unit: '°C',
          scale: 1,
          type: 'temperature',
          collectorDivides: true,
          meaning: 'x',
        },
      ],
      alarms: { 99: { en: 'Custom', sv: 'Eget', severity: 'warning' } },
      displayName: 'IVT 495',
    });
    assert.deepEqual(p.aux, { kind: 'percent', nominalKw: 7 });
    assert.equal(p.registers.find((r) => r.registerId === '0002')?.role, 'supply_temp');
    assert.equal(p.registers.find((r) => r.registerId === '0004')?.role, undefined);
    assert.equal(p.registers.find((r) => r.registerId === '0007')?.offset, -0.5);
    assert.equal(p.registers.find((r) => r.registerId === 'ABCD')?.role, 'indoor_temp');
    assert.equal(p.alarms[99]?.en, 'Custom');
    assert.equal(p.alarms[1]?.en, 'Radiator return sensor GT1');
    assert.equal(p.displayName, 'IVT 495');
  });

  it('rejects invalid overrides naming the key', () => {
    assert.throws(
      () => getProvider('thermia', { aux: { kind: 'percent', nominalKw: -1 } }),
      /aux.nominalKw: expected a number >= 0/,
    );
    assert.throws(() => getProvider('thermia', { aux: { kind: 'steps', stepKw: [] } }), /aux.stepKw/);
    assert.throws(
      () => getProvider('thermia', { aux: { kind: 'steps', stepKw: [3, Number.NaN] } }),
      /aux.stepKw\[1\]/,
    );
    assert.throws(() => getProvider('thermia', { aux: { kind: 'watts' } as never }), /aux.kind/);
    assert.throws(
      () => getProvider('thermia', { compressor: { kind: 'speed', threshold: Number.NaN } }),
      /compressor.threshold/,
    );
    assert.throws(() => getProvider('thermia', { compressor: { kind: 'x' } as never }), /compressor.kind/);
    assert.throws(
      () => getProvider('thermia', { registers: { FFFF: { scale: 2 } } }),
      /registers.FFFF: no register/,
    );
    assert.throws(
      () => getProvider('thermia', { registers: { '0007': { scale: Infinity } } }),
      /registers.0007.scale/,
    );
  });

  it('does not modify the brand table itself', () => {
    getProvider('thermia', { registers: { '0007': { role: null } } });
    assert.equal(thermia.registers.find((r) => r.registerId === '0007')?.role, 'outdoor_temp');
  });
});
