import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HomeAssistantLayout, simulateFrames } from '../../../src/simulator/index.js';
import type { InfluxPoint, SimFrame } from '../../../src/simulator/index.js';
import { JAN_2024, frames } from './sim-fixtures.js';

const list = frames({ from: JAN_2024, days: 1 });

test('entities: binary sensors for on/off roles, sensors for the rest, prefixed by the brand', () => {
  const layout = new HomeAssistantLayout({ brand: 'nibe' });
  assert.equal(layout.entities.outdoor_temp, 'sensor.nibe_outdoor_temp');
  assert.equal(layout.entities.compressor, 'binary_sensor.nibe_compressor');
  assert.equal(layout.entities.valve, 'binary_sensor.nibe_valve');
  assert.equal(
    new HomeAssistantLayout({ brand: 'nibe', prefix: 'vp' }).entities.heat_power,
    'sensor.vp_heat_power',
  );
});

test('points have the HA integration shape: measurement = unit, domain and object-id tags', () => {
  const points = new HomeAssistantLayout({ brand: 'thermia' }).points(list.slice(0, 1));
  const outdoor = points.find((p) => p.tags.entity_id === 'thermia_outdoor_temp');
  assert.equal(outdoor?.measurement, '°C');
  assert.deepEqual(outdoor?.tags, { domain: 'sensor', entity_id: 'thermia_outdoor_temp' });
  const power = points.find((p) => p.tags.entity_id === 'thermia_electrical_power');
  assert.equal(power?.measurement, 'W');
  // Without a unit HA uses the full entity id as the measurement; on/off is stored as 1/0 plus a state.
  const compressor = points.find((p) => p.tags.entity_id === 'thermia_compressor');
  assert.equal(compressor?.measurement, 'binary_sensor.thermia_compressor');
  assert.ok(compressor?.fields.value === 0 || compressor?.fields.value === 1);
  assert.equal(compressor?.fields.state, compressor?.fields.value === 1 ? 'on' : 'off');
});

test('only state changes are written, so sampling is irregular and much sparser than the polls', () => {
  const points = new HomeAssistantLayout({ brand: 'thermia' }).points(list);
  const compressor = points.filter((p) => p.tags.entity_id === 'thermia_compressor');
  const switches = list.filter((f, i) => i === 0 || f.compressorOn !== list[i - 1]?.compressorOn).length;
  assert.equal(compressor.length, switches);
  for (let i = 1; i < compressor.length; i++)
    assert.notEqual(compressor[i]?.fields.value, compressor[i - 1]?.fields.value);
  const indoor = points.filter((p) => p.tags.entity_id === 'thermia_indoor_temp');
  assert.ok(indoor.length < list.length / 5, `${indoor.length} indoor points`);
  const gaps = new Set(indoor.slice(1).map((p, i) => p.t - (indoor[i]?.t ?? 0)));
  assert.ok(gaps.size > 3, 'irregular intervals');
});

test('values are rounded to the display precision: 0.1 °C, whole W, 0.01 kWh', () => {
  const points = new HomeAssistantLayout({ brand: 'thermia' }).points(list.slice(0, 50));
  const check = (id: string, decimals: number): void => {
    for (const p of points.filter((x) => x.tags.entity_id === id)) {
      const v = p.fields.value as number;
      assert.equal(v, Number(v.toFixed(decimals)), `${id} ${v}`);
    }
  };
  check('thermia_supply_temp', 1);
  check('thermia_electrical_power', 0);
  check('thermia_electrical_energy', 2);
});

test('chunked writing gives the same points as one call (the last state carries over)', () => {
  const from = JAN_2024;
  const to = from + 86_400_000;
  const whole = new HomeAssistantLayout({ brand: 'ivt' }).points(
    [...simulateFrames({ brand: 'ivt', seed: 42 }, { from, to })].flat() as SimFrame[],
  );
  const chunked = new HomeAssistantLayout({ brand: 'ivt' });
  const parts: InfluxPoint[] = [];
  for (const chunk of simulateFrames({ brand: 'ivt', seed: 42 }, { from, to, chunkMs: 3_600_000 })) {
    parts.push(...chunked.points(chunk));
  }
  assert.deepEqual(parts, whole);
});
