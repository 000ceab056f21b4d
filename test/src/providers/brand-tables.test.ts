import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRAND_PROVIDERS, collectorDividesType, isRole, ivt, nibe, thermia } from '../../../src/index.js';

describe('brand tables', () => {
  for (const provider of BRAND_PROVIDERS) {
    it(`${provider.id}: unique ids and names, valid roles, collector scaling consistent with the type`, () => {
      const ids = provider.registers.map((r) => r.registerId);
      assert.equal(new Set(ids).size, ids.length, 'duplicate register id');
      assert.equal(new Set(provider.registers.map((r) => r.name)).size, ids.length, 'duplicate name');
      for (const r of provider.registers) {
        if (r.role !== undefined) assert.ok(isRole(r.role), `${r.registerId}: ${r.role}`);
        assert.equal(r.collectorDivides, provider.id === 'generic' ? false : collectorDividesType(r.type));
        assert.ok(Number.isFinite(r.scale));
      }
      assert.ok(provider.alarms[0], 'code 0 (no alarm) is in every table');
      for (const a of Object.values(provider.alarms)) {
        assert.ok(['info', 'warning', 'error', 'critical'].includes(a.severity));
        assert.ok(a.en.length > 0 && a.sv.length > 0);
      }
    });
  }

  it('husdata temperatures and percentages are stored divided by 10, so their scale is 1', () => {
    const outdoor = thermia.registers.find((r) => r.registerId === '0007');
    assert.equal(outdoor?.collectorDivides, true);
    assert.equal(outdoor?.scale, 1);
    const power = thermia.registers.find((r) => r.registerId === 'CFAA');
    assert.equal(power?.collectorDivides, false);
    assert.equal(power?.role, 'electrical_power');
  });

  it('IVT: heat-carrier pair as supply/return, aux steps 3 + 6 kW, BA91 is the last alarm', () => {
    assert.equal(ivt.registers.find((r) => r.registerId === '0004')?.role, 'supply_temp');
    assert.equal(ivt.registers.find((r) => r.registerId === '0003')?.role, 'return_temp');
    assert.deepEqual(ivt.aux, { kind: 'steps', stepKw: [3, 6] });
    assert.equal(ivt.registers.find((r) => r.registerId === 'BA91')?.role, 'alarm_code');
    assert.equal(ivt.alarm.codeIsLastNotActive, true);
    assert.equal(ivt.alarms[10]?.en, 'Brine-out sensor GT11');
  });

  it('NIBE: names the original never found are mapped by id; the alarm table is unverified', () => {
    assert.equal(nibe.registers.find((r) => r.registerId === '0009')?.role, 'hot_water_temp');
    assert.equal(nibe.registers.find((r) => r.registerId === '000B')?.role, 'hot_gas_temp');
    assert.equal(nibe.registers.find((r) => r.registerId === '8105')?.role, 'degree_minutes');
    assert.equal(nibe.alarmTableVerified, false);
    assert.equal(nibe.alarm.activeRole, null);
    assert.equal(nibe.alarms[21]?.severity, 'critical');
    assert.equal(nibe.alarms[41]?.severity, 'warning');
    assert.equal(nibe.alarms[51]?.severity, 'error');
    assert.equal(nibe.alarms[92]?.severity, 'warning');
    assert.equal(nibe.alarms[0]?.severity, 'info');
  });
});
