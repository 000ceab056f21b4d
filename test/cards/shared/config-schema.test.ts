import { expect } from '@esm-bundle/chai';
import { baseConfigShape, parseConfig, registerCardRoles } from '../../../cards/shared/config-schema.js';
import * as s from '../../../cards/shared/schema.js';
import { defaultEntityId, resolveEntities } from '../../../cards/shared/default-entities.js';
import { copBucketMs, fetchPlan, pickStatisticsPeriod, RANGE_MS } from '../../../cards/shared/time-range.js';

const roles = ['supply_temp', 'return_temp'] as const;
const schema = s.strictObject({ ...baseConfigShape(roles), show_outdoor: s.optional(s.boolean()) });
registerCardRoles('test-card', roles);

function errorOf(raw: unknown): string {
  try {
    parseConfig(schema, raw, 'test-card');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a config error');
}

describe('config schema', () => {
  it('accepts a minimal config and keeps given keys', () => {
    const config = parseConfig(
      schema,
      { type: 'custom:x', range: '7d', entities: { supply_temp: 'sensor.my_flow' } },
      'test-card',
    );
    expect(config.range).to.equal('7d');
    expect(config.entities?.supply_temp).to.equal('sensor.my_flow');
  });

  it('names the missing type', () => {
    expect(errorOf({ range: '24h' })).to.equal('test-card: type is required');
  });

  it('names an unknown role and lists the roles the card uses', () => {
    expect(errorOf({ type: 'custom:x', entities: { flow_temp: 'sensor.a' } })).to.equal(
      'test-card: entities.flow_temp is not a known role (this card uses: supply_temp, return_temp)',
    );
    expect(errorOf({ type: 'custom:x', entities: { outdoor_temp: 'sensor.a' } })).to.contain(
      'entities.outdoor_temp is a role this card does not use',
    );
  });

  it('names a wrong range with the allowed values and the given value', () => {
    expect(errorOf({ type: 'custom:x', range: '2w' })).to.equal(
      'test-card: range must be one of 1h, 6h, 24h, 7d, 30d, 1y (got "2w")',
    );
  });

  it('rejects an entity value that is not an entity id, and unknown options', () => {
    expect(errorOf({ type: 'custom:x', entities: { supply_temp: 'flow' } })).to.contain(
      'entities.supply_temp must be an entity id',
    );
    expect(errorOf({ type: 'custom:x', colour: 'red' })).to.equal(
      'test-card: colour is not an option of this card',
    );
    expect(errorOf(null)).to.contain('must be a mapping');
    expect(errorOf({ type: 'custom:x', show_outdoor: 'yes', title: 3 })).to.equal(
      'test-card: title must be text (got 3); show_outdoor must be true or false (got "yes")',
    );
  });

  it('infers the config type and drops absent optional keys', () => {
    const config = parseConfig(
      schema,
      { type: 'custom:x', show_outdoor: false, title: undefined },
      'test-card',
    );
    const flag: boolean | undefined = config.show_outdoor;
    expect(flag).to.equal(false);
    expect(Object.keys(config)).to.deep.equal(['type', 'show_outdoor']);
  });
});

describe('default entities and ranges', () => {
  it('maps roles to the bridge entity ids, honouring device and overrides', () => {
    expect(defaultEntityId('electrical_energy')).to.equal('sensor.heatpump_electrical_energy_total');
    expect(defaultEntityId('compressor', 'vp2')).to.equal('binary_sensor.vp2_compressor_running');
    expect(
      resolveEntities(['supply_temp', 'hot_water_mode'], { entities: { supply_temp: 'sensor.nibe_bt2' } }),
    ).to.deep.equal({
      supply_temp: 'sensor.nibe_bt2',
      hot_water_mode: 'binary_sensor.heatpump_hot_water_mode',
    });
  });

  it('uses history up to 7 days and statistics (hour, day) beyond', () => {
    expect(fetchPlan('24h')).to.deep.equal({ kind: 'history' });
    expect(fetchPlan('7d')).to.deep.equal({ kind: 'history' });
    expect(fetchPlan('30d')).to.deep.equal({ kind: 'statistics', period: 'hour' });
    expect(fetchPlan('1y')).to.deep.equal({ kind: 'statistics', period: 'day' });
    expect(pickStatisticsPeriod(RANGE_MS['24h'])).to.equal('5minute');
    expect(RANGE_MS['24h'] / copBucketMs('24h')).to.equal(24);
  });
});
