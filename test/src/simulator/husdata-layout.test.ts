import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getProvider, mapRows } from '../../../src/providers/index.js';
import type { Role } from '../../../src/model/index.js';
import {
  HUSDATA_READERS,
  HusdataLayout,
  brandView,
  resolveOptions,
  toLineProtocol,
  truthValue,
} from '../../../src/simulator/index.js';
import type { SimBrand, SimFrame } from '../../../src/simulator/index.js';
import { JAN_2024, frames } from './sim-fixtures.js';

const BRANDS: readonly SimBrand[] = ['thermia', 'ivt', 'nibe'];
const day = (brand: SimBrand): SimFrame[] =>
  frames({ brand, from: JAN_2024, days: 1, input: { alarms: { perYear: 300 } } });
const layout = (brand: SimBrand): HusdataLayout =>
  new HusdataLayout(brand, resolveOptions({ brand, seed: 42 }));

test('points have the collector shape: measurement heatpump, four tags, one float field', () => {
  const points = layout('thermia').points(day('thermia').slice(0, 1));
  const outdoor = points.find((p) => p.tags.register_id === '0007');
  assert.deepEqual(Object.keys(outdoor?.tags ?? {}).sort(), ['name', 'register_id', 'type', 'unit']);
  assert.equal(outdoor?.measurement, 'heatpump');
  assert.equal(outdoor?.tags.name, 'outdoor_temp');
  assert.equal(outdoor?.tags.type, 'temperature');
  assert.equal(outdoor?.tags.unit, '°C');
  // Status registers have no unit, and the collector leaves the unit tag out.
  const compressor = points.find((p) => p.tags.register_id === '1A01');
  assert.equal(compressor?.tags.unit, undefined);
  assert.ok(points.every((p) => Object.keys(p.fields).length === 1 && typeof p.fields.value === 'number'));
  assert.ok(
    points.every((p) => p.t === points[0]?.t),
    'one poll, one timestamp',
  );
});

test('stored values have the gateway resolution: tenths for temperatures, whole numbers otherwise', () => {
  for (const brand of BRANDS) {
    for (const p of layout(brand).points(day(brand).slice(0, 200))) {
      const v = p.fields.value as number;
      if (['temperature', 'percentage', 'setpoint', 'flow'].includes(p.tags.type ?? '')) {
        assert.ok(Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, `${brand} ${p.tags.name} ${v}`);
      } else {
        assert.ok(Number.isInteger(v), `${brand} ${p.tags.name} ${v}`);
      }
    }
  }
});

test('every written register is in the brand table, with its name, type and unit', () => {
  for (const brand of BRANDS) {
    const table = new Map(getProvider(brand).registers.map((r) => [r.registerId, r]));
    const written = layout(brand).registers;
    assert.equal(
      written.length,
      Object.keys(HUSDATA_READERS[brand]).length,
      `${brand}: a reader without a register`,
    );
    for (const r of written) {
      const entry = table.get(r.entry.registerId);
      assert.equal(r.tags.name, entry?.name);
      assert.equal(r.tags.type, entry?.type);
    }
  }
});

test('brand coverage follows the real gateways: NIBE has no electricity, only NIBE a heat meter', () => {
  const names = (brand: SimBrand): string[] => layout(brand).registers.map((r) => r.entry.registerId);
  assert.ok(names('thermia').includes('CFAA') && names('ivt').includes('CFAA'));
  assert.ok(!names('nibe').includes('CFAA') && !names('nibe').includes('5FAB'));
  assert.ok(names('nibe').includes('5C51') && !names('thermia').includes('5C51'));
  assert.ok(!names('ivt').includes('8105'), 'IVT has no degree-minute register');
});

const ROUND_TRIP_TOLERANCE: Partial<Record<Role, number>> = {
  electrical_energy: 0.5,
  heat_energy: 0.5,
  electrical_power: 0.5,
  degree_minutes: 0.5,
  aux_heater: 0.01,
};

test("the brand provider's mapRows reads the written rows back as the simulation's truth", () => {
  for (const brand of BRANDS) {
    const list = day(brand);
    const mapped = mapRows(getProvider(brand), layout(brand).rows(list));
    assert.equal(mapped.unknownKeys.length, 0, `${brand} unknown ${mapped.unknownKeys.join(',')}`);
    const roles = Object.keys(mapped.series) as Role[];
    assert.ok(roles.includes('supply_temp') && roles.includes('compressor') && roles.includes('valve'));
    for (const role of roles) {
      if (role === 'alarm_code' || role === 'alarm_active') continue;
      const series = mapped.series[role] ?? [];
      assert.equal(series.length, list.length, `${brand} ${role} has one sample per poll`);
      const tolerance = ROUND_TRIP_TOLERANCE[role] ?? 0.05;
      series.forEach((s, i) => {
        const truth = truthValue(list[i] as SimFrame, role, brand);
        assert.ok(
          truth !== undefined && Math.abs(s.v - truth) <= tolerance,
          `${brand} ${role} ${s.v} vs ${truth}`,
        );
      });
    }
  }
});

test('alarms read back correctly, including IVT whose code register keeps the last alarm', () => {
  for (const brand of BRANDS) {
    const list = day(brand);
    const mapped = mapRows(getProvider(brand), layout(brand).rows(list));
    const active = mapped.series.alarm_active ?? [];
    assert.equal(active.length, list.length);
    active.forEach((s, i) => assert.equal(s.v, list[i]?.alarmCode !== 0 ? 1 : 0, `${brand} active at ${i}`));
    assert.ok(
      active.some((s) => s.v === 1),
      `${brand}: 300 alarms a year give one in a day`,
    );
  }
  const ivtList = day('ivt');
  const ivtCodes = mapRows(getProvider('ivt'), layout('ivt').rows(ivtList)).series.alarm_code ?? [];
  assert.ok(
    ivtCodes.some((s, i) => s.v !== 0 && ivtList[i]?.alarmCode === 0),
    'BA91 still shows a cleared alarm',
  );
});

test('line protocol: escaped tags in sorted order, a float value, millisecond timestamp', () => {
  const lines = layout('thermia').lines(day('thermia').slice(0, 1));
  const outdoor = lines.find((l) => l.includes('register_id=0007'));
  assert.match(
    outdoor ?? '',
    /^heatpump,name=outdoor_temp,register_id=0007,type=temperature,unit=°C value=-?\d+(\.\d)? \d{13}$/,
  );
  assert.equal(
    toLineProtocol({
      measurement: 'a b',
      tags: { 'k=1': 'v,2', e: '' },
      fields: { value: 1.5, s: 'say "hi"' },
      t: 5,
    }),
    'a\\ b,k\\=1=v\\,2 value=1.5,s="say \\"hi\\"" 5',
  );
});

test('brandView gives the roles and values mapRows gives, without the row round trip', () => {
  for (const brand of BRANDS) {
    const list = day(brand);
    const options = resolveOptions({ brand, seed: 42 });
    const view = brandView(brand, options, list[0] as SimFrame);
    const mapped = mapRows(getProvider(brand), layout(brand).rows(list));
    assert.deepEqual([...view.roles].sort(), Object.keys(mapped.series).sort(), brand);
    for (const role of view.roles) {
      const series = mapped.series[role] ?? [];
      series.forEach((s, i) => {
        const v = view.value(list[i] as SimFrame, role);
        assert.ok(
          Math.abs(s.v - v) <= (ROUND_TRIP_TOLERANCE[role] ?? 0.05),
          `${brand} ${role} ${s.v} vs ${v}`,
        );
      });
    }
  }
  assert.ok(
    !brandView('nibe', resolveOptions({ brand: 'nibe' }), day('nibe')[0] as SimFrame).roles.includes(
      'electrical_power',
    ),
  );
});
