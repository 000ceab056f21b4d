import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES, ROLE_NAMES, isRole, roleInfo } from '../../../src/index.js';

describe('roles', () => {
  it('lists the canonical roles of DESIGN §3 with units and kinds', () => {
    assert.equal(ROLES.length, 22);
    assert.equal(new Set(ROLE_NAMES).size, 22);
    assert.deepEqual(roleInfo('aux_heater'), {
      role: 'aux_heater',
      unit: 'kW',
      kind: 'power',
      description: roleInfo('aux_heater').description,
    });
    assert.equal(roleInfo('electrical_power').unit, 'W');
    assert.equal(roleInfo('heat_energy').unit, 'kWh');
    assert.equal(roleInfo('heat_energy').kind, 'energy');
    assert.equal(roleInfo('supply_temp').kind, 'temperature');
    assert.equal(roleInfo('valve').kind, 'state');
  });

  it('isRole accepts role names only', () => {
    assert.equal(isRole('brine_in_temp'), true);
    assert.equal(isRole('toString'), false);
    assert.equal(isRole('heat'), false);
    assert.equal(isRole(3), false);
  });
});
