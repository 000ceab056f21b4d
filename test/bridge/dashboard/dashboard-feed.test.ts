import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalEntityId, resolveEntity } from '../../../bridge/dashboard/entity-signals.js';
import { FakeSource, MIN, NOW, STATES, makeFeed, state } from './dashboard-fixtures.js';

test('a payload covers the range with one window per point and the bridge states plus card aliases', async () => {
  const p = await makeFeed().payload('24h');
  assert.equal(p.time_range, '24h');
  assert.equal(p.to - p.from, 86_400_000);
  assert.equal(p.window_ms, 120_000, '24 h at most 1000 points: 2 min windows');
  const ids = p.states.map((s) => s.entity_id);
  for (const s of STATES) assert.ok(ids.includes(s.entity_id));
  // The cards call two binary sensors by other names; both are served.
  assert.ok(
    ids.includes('binary_sensor.heatpump_compressor') && ids.includes('binary_sensor.heatpump_aux_heater'),
  );
  const outdoor = p.history['sensor.heatpump_outdoor_temp'] ?? [];
  assert.equal(outdoor.length, 720);
  assert.ok(outdoor.every(([t, v]) => t % 120_000 === 0 && v === -5));
});

test('status and KPI figures come from the states', async () => {
  const p = await makeFeed().payload('1h');
  assert.deepEqual(p.status.alarm, {
    active: true,
    code: 20,
    text: 'Brine flow switch',
    severity: 'critical',
  });
  assert.equal(p.status.compressor_running, false);
  assert.equal(p.status.outdoor_temp, -5);
  assert.equal(p.kpi.cop_today, 3.41);
  assert.equal(p.kpi.cop_now, null, 'unavailable is null, not 0');
});

test('state histories: binary sensors 0/1, aux on from kW > 0, aliases resolve to the same signal', async () => {
  const feed = makeFeed();
  const from = NOW - 6 * 3_600_000;
  const h = await feed.history({
    entityIds: [
      'binary_sensor.heatpump_compressor_running',
      'binary_sensor.heatpump_compressor',
      'binary_sensor.heatpump_aux_heater_on',
      'sensor.heatpump_aux_heater_power',
    ],
    from,
    to: NOW,
    windowMs: 60_000,
  });
  assert.deepEqual(h['binary_sensor.heatpump_compressor'], h['binary_sensor.heatpump_compressor_running']);
  const compressor = h['binary_sensor.heatpump_compressor_running'] ?? [];
  assert.equal(compressor.filter(([, v]) => v === 1).length, 6 * 20);
  const auxOn = h['binary_sensor.heatpump_aux_heater_on'] ?? [];
  assert.equal(auxOn.filter(([, v]) => v === 1).length, 60);
  assert.ok((h['sensor.heatpump_aux_heater_power'] ?? []).some(([, v]) => v === 3));
});

test('without a heat meter, heat power is the flow-factor estimate while running and energy totals accumulate', async () => {
  const feed = makeFeed();
  const h = await feed.history({
    entityIds: [
      'sensor.heatpump_heat_power',
      'sensor.heatpump_heat_energy_total',
      'sensor.heatpump_electrical_energy_total',
    ],
    from: NOW - 2 * 3_600_000 - 0,
    to: NOW - 3_600_000,
    windowMs: 600_000,
  });
  const heat = h['sensor.heatpump_heat_power'] ?? [];
  // First 20 min of the hour: 2.7 kW/K x 2 K = 5400 W; then 0.
  assert.deepEqual(
    heat.map(([, v]) => Math.round(v ?? -1)),
    [5400, 5400, 0, 0, 0, 0],
  );
  const total = h['sensor.heatpump_heat_energy_total'] ?? [];
  assert.ok(Math.abs((total.at(-1)?.[1] ?? 0) - 1.8) < 1e-9, '5.4 kW for 20 min = 1.8 kWh');
  const elec = h['sensor.heatpump_electrical_energy_total'] ?? [];
  // 1.5 kW for 20 min + 20 W for 40 min.
  assert.ok(Math.abs((elec.at(-1)?.[1] ?? 0) - (0.5 + 0.02 * (40 / 60))) < 1e-9);
});

test('figures without a series (COP, shares) come from the recorder of published states', async () => {
  let cop = '3.1';
  let t = NOW;
  const feed = makeFeed({ now: () => t, states: () => [state('sensor.heatpump_cop_today', cop)] });
  feed.currentStates();
  t += 30_000;
  cop = '3.2';
  // history() first takes the newest states, as a page request would see them.
  const h = await feed.history({ entityIds: ['sensor.heatpump_cop_today'], from: NOW - 3_600_000, to: t });
  assert.deepEqual(h['sensor.heatpump_cop_today'], [
    [NOW, 3.1],
    [NOW + 30_000, 3.2],
  ]);
});

test('the recorder stores changes only and answers with a value at the left edge', async () => {
  let states = [state('sensor.heatpump_cop_today', '3.1')];
  let t = NOW;
  const feed = makeFeed({ now: () => t, states: () => states });
  feed.currentStates();
  for (const [dt, v] of [
    [30_000, '3.1'],
    [60_000, '3.3'],
    [90_000, 'unavailable'],
  ] as const) {
    t = NOW + dt;
    states = [state('sensor.heatpump_cop_today', v)];
    feed.currentStates();
  }
  const h = await feed.history({
    entityIds: ['sensor.heatpump_cop_today'],
    from: NOW + 45_000,
    to: NOW + 100_000,
  });
  assert.deepEqual(h['sensor.heatpump_cop_today'], [
    [NOW + 45_000, 3.1],
    [NOW + 60_000, 3.3],
    [NOW + 90_000, null],
  ]);
});

test('unknown and foreign entity ids are left out; only entities with series trigger a query', async () => {
  const source = new FakeSource();
  const feed = makeFeed({ source });
  const h = await feed.history({
    entityIds: ['sensor.other_outdoor_temp', 'sensor.heatpump_cop_7d', 'light.kitchen'],
    from: NOW - MIN * 60,
    to: NOW,
  });
  assert.deepEqual(Object.keys(h), ['sensor.heatpump_cop_7d']);
  assert.equal(source.fetches.length, 0);
  assert.equal(resolveEntity('sensor.heatpump_supply_temp', 'heatpump')?.signal?.kind, 'role');
  assert.equal(
    canonicalEntityId('binary_sensor.heatpump_aux_heater', 'heatpump'),
    'binary_sensor.heatpump_aux_heater_on',
  );
  assert.equal(
    canonicalEntityId('sensor.heatpump_aux_heater', 'heatpump'),
    'sensor.heatpump_aux_heater',
    'aliases are for binary sensors',
  );
});

test('events: compressor, hot water, aux and alarm edges, newest first, with the alarm text', async () => {
  const p = await makeFeed().payload('24h');
  const kinds = new Set(p.events.map((e) => e.kind));
  assert.deepEqual([...kinds].sort(), ['alarm', 'aux_heater', 'compressor', 'hot_water']);
  for (let i = 1; i < p.events.length; i++) assert.ok((p.events[i - 1]?.t ?? 0) >= (p.events[i]?.t ?? 0));
  assert.equal(p.events.length, 50, 'limited to 50');
  const raised = p.events.find((e) => e.kind === 'alarm' && e.level === 'danger');
  assert.equal(raised?.t, NOW - 2 * 3_600_000);
  assert.equal(raised?.code, 20);
  assert.match(raised?.description ?? '', /^Alarm raised: /);
  assert.ok(
    p.events.some((e) => e.kind === 'alarm' && e.description === 'Alarm cleared' && e.t === NOW - 90 * MIN),
  );
  const hw = p.events.filter((e) => e.kind === 'hot_water');
  assert.deepEqual(
    hw.map((e) => [e.t, e.description]),
    [
      [NOW - 3 * 3_600_000 + 15 * MIN, 'Hot-water charging finished'],
      [NOW - 3 * 3_600_000, 'Hot-water charging started'],
    ],
  );
});
