import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measured } from '../../../src/model/index.js';
import { ENTITY_CATALOG, entityId, selectEntities } from '../../../bridge/publish/entity-catalog.js';
import { StateBuilder } from '../../../bridge/publish/state-builder.js';
import { snapshotFixture } from '../fixtures/snapshot.js';

const snapshot = snapshotFixture;

describe('entity catalog', () => {
  it('has unique keys, ids in <kind>.<device>_<metric> form, and the issue-4 minimum set', () => {
    const keys = ENTITY_CATALOG.map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const k of [
      'cop_now',
      'cop_today',
      'cop_7d',
      'cop_30d',
      'cop_season',
      'heat_energy_today',
      'electrical_energy_total',
      'compressor_share_24h',
      'short_cycles_24h',
      'brine_delta_t',
      'data_quality',
      'alarm',
    ])
      assert.ok(keys.includes(k), k);
    assert.equal(
      entityId({ kind: 'binary_sensor', key: 'alarm' }, 'heatpump'),
      'binary_sensor.heatpump_alarm',
    );
    for (const e of ENTITY_CATALOG)
      if (e.deviceClass === 'energy') assert.deepEqual([e.unit, e.stateClass], ['kWh', 'total_increasing']);
  });

  it('selects metrics by key and rejects unknown ones', () => {
    assert.deepEqual(
      selectEntities(['cop_now', 'alarm']).map((e) => e.key),
      ['cop_now', 'alarm'],
    );
    assert.throws(() => selectEntities(['cop_tomorrow']), /unknown metric\(s\) cop_tomorrow/);
  });
});

describe('StateBuilder', () => {
  const builder = () =>
    new StateBuilder({
      deviceSlug: 'hp1',
      deviceName: 'Heat pump',
      entities: ENTITY_CATALOG,
      timeZone: 'Europe/Stockholm',
    });
  const byId = (states: ReturnType<StateBuilder['build']>) => new Map(states.map((s) => [s.entity_id, s]));

  it('rounds states and sets HA attributes from the table', () => {
    const states = byId(builder().build(snapshot()));
    assert.equal(states.size, ENTITY_CATALOG.length);
    assert.deepEqual(states.get('sensor.hp1_cop_now'), {
      entity_id: 'sensor.hp1_cop_now',
      state: '3.46',
      attributes: {
        friendly_name: 'Heat pump COP now',
        icon: 'mdi:heat-pump',
        state_class: 'measurement',
        estimated: false,
      },
    });
    const heat = states.get('sensor.hp1_heat_energy_today');
    assert.equal(heat?.state, '13.1');
    assert.deepEqual(
      [
        heat?.attributes.device_class,
        heat?.attributes.unit_of_measurement,
        heat?.attributes.estimated,
        heat?.attributes.basis,
      ],
      ['energy', 'kWh', true, 'flow factor'],
    );
    assert.equal(states.get('sensor.hp1_outdoor_temp')?.state, '-3.2');
    assert.equal(states.get('sensor.hp1_compressor_share_24h')?.state, '41.3');
    assert.equal(states.get('sensor.hp1_cop_season')?.attributes.spf_boundary, 'H4');
    assert.equal(states.get('sensor.hp1_spf_season')?.state, '3.3');
    const starts = states.get('sensor.hp1_compressor_starts_24h');
    assert.deepEqual(
      [starts?.state, starts?.attributes.starts_per_hour, starts?.attributes.mean_cycle_minutes],
      ['12', 0.5, 48],
    );
    const hw = states.get('sensor.hp1_hot_water_cycles_24h');
    assert.deepEqual([hw?.state, hw?.attributes.mean_duration_minutes], ['3', 21.3]);
  });

  it('binary sensors are on/off; the alarm carries code, text and severity', () => {
    const states = byId(builder().build(snapshot()));
    assert.equal(states.get('binary_sensor.hp1_compressor_running')?.state, 'on');
    assert.equal(states.get('binary_sensor.hp1_aux_heater_on')?.state, 'off');
    const alarm = states.get('binary_sensor.hp1_alarm');
    assert.deepEqual(
      [
        alarm?.state,
        alarm?.attributes.device_class,
        alarm?.attributes.code,
        alarm?.attributes.text,
        alarm?.attributes.severity,
      ],
      ['on', 'problem', 10, 'HP high pressure', 'critical'],
    );
    assert.equal(alarm?.attributes.since, '2025-01-15T11:30:00.000Z');
    assert.equal(alarm?.attributes.code_is_last, false);
  });

  it('unavailable figures keep their unit and say why', () => {
    const s = byId(builder().build(snapshot())).get('sensor.hp1_heat_energy_total');
    assert.equal(s?.state, 'unavailable');
    assert.equal(s?.attributes.unit_of_measurement, 'kWh');
    assert.equal(s?.attributes.reason, 'test');
  });

  it('energy totals never go down; daily counters reset only on a new local day', () => {
    const b = builder();
    const at = Date.UTC(2025, 0, 15, 12);
    b.build(
      snapshot({
        at,
        energy: {
          ...snapshot().energy,
          electricalTotal: measured(100, 'kWh'),
          electricalToday: measured(5, 'kWh'),
        },
      }),
    );
    const lower = byId(
      b.build(
        snapshot({
          at: at + 60_000,
          energy: {
            ...snapshot().energy,
            electricalTotal: measured(99.5, 'kWh'),
            electricalToday: measured(4, 'kWh'),
          },
        }),
      ),
    );
    assert.equal(lower.get('sensor.hp1_electrical_energy_total')?.state, '100');
    assert.equal(lower.get('sensor.hp1_electrical_energy_total')?.attributes.held_back_value, 99.5);
    assert.equal(lower.get('sensor.hp1_electrical_energy_today')?.state, '5');
    // 23:30 UTC is 00:30 the next day in Stockholm: the daily counter may reset.
    const nextDay = byId(
      b.build(
        snapshot({
          at: Date.UTC(2025, 0, 15, 23, 30),
          energy: { ...snapshot().energy, electricalToday: measured(0.2, 'kWh') },
        }),
      ),
    );
    assert.equal(nextDay.get('sensor.hp1_electrical_energy_today')?.state, '0.2');
  });
});
