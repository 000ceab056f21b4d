import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Controller } from '../../../src/simulator/controller.js';
import { Building } from '../../../src/simulator/building.js';
import { DEFAULT_HOUSE, resolveOptions } from '../../../src/simulator/index.js';

const o = resolveOptions({ brand: 'nibe' });
const MIN = 60_000;
const base = {
  heatingSeason: true,
  hotWaterC: 50,
  alarmActive: false,
  radiatorSupplyC: 35,
  supplyTargetC: 35,
};

test('the compressor starts at -60 degree minutes and stops back at 0 after the minimum run time', () => {
  const c = new Controller(o.heatPump, o.hotWater, 0);
  c.degreeMinutes = -59;
  c.decide({ ...base, t: 0 });
  assert.equal(c.compressorOn, false);
  c.degreeMinutes = -60;
  c.decide({ ...base, t: 1 * MIN });
  assert.equal(c.compressorOn, true);
  c.degreeMinutes = 5;
  c.decide({ ...base, t: 4 * MIN });
  assert.equal(c.compressorOn, true, 'minimum run time of 6 min');
  c.decide({ ...base, t: 7 * MIN });
  assert.equal(c.compressorOn, false);
  c.degreeMinutes = -100;
  c.decide({ ...base, t: 20 * MIN });
  assert.equal(c.compressorOn, false, 'restart delay of 20 min');
  c.decide({ ...base, t: 27 * MIN });
  assert.equal(c.compressorOn, true);
});

test('degree minutes integrate (supply - target) per minute and rest at 0 outside the season', () => {
  const c = new Controller(o.heatPump, o.hotWater, 0);
  c.degreeMinutes = 0;
  c.integrate({ heatingSeason: true, radiatorSupplyC: 33, supplyTargetC: 35, dtS: 30 });
  assert.equal(c.degreeMinutes, -1);
  c.integrate({ heatingSeason: false, radiatorSupplyC: 33, supplyTargetC: 35, dtS: 30 });
  assert.equal(c.degreeMinutes, 0);
});

test('hot water has priority and hands back to heating when the house still asks for it', () => {
  const c = new Controller(o.heatPump, o.hotWater, 0);
  c.degreeMinutes = -30;
  c.decide({ ...base, t: 0, hotWaterC: 44 });
  assert.equal(c.compressorOn, true);
  assert.equal(c.hotWaterMode, true);
  assert.equal(c.auxStep, 0, 'no aux during hot water');
  c.degreeMinutes = -200;
  c.decide({ ...base, t: 20 * MIN, hotWaterC: 52.1 });
  assert.equal(c.hotWaterMode, false);
  assert.equal(c.compressorOn, true, 'carries on heating');
  // A charge that never finishes is cut off after the maximum charge time.
  const d = new Controller(o.heatPump, o.hotWater, 0);
  d.degreeMinutes = 10;
  d.decide({ ...base, t: 0, hotWaterC: 40 });
  d.decide({ ...base, t: 46 * MIN, hotWaterC: 48 });
  assert.equal(d.compressorOn, false);
});

test('aux steps: one more per 100 degree minutes below -400, released one spacing higher', () => {
  const c = new Controller(o.heatPump, o.hotWater, 0);
  const at = (dm: number): number => {
    c.degreeMinutes = dm;
    c.decide({ ...base, t: 0 });
    return c.auxStep;
  };
  assert.equal(at(-399), 0);
  assert.equal(at(-400), 1);
  assert.equal(at(-500), 2);
  assert.equal(at(-650), 3);
  assert.equal(at(-900), 3, 'three steps at most');
  assert.equal(at(-560), 3, 'hysteresis');
  assert.equal(at(-499), 2);
  assert.equal(at(-250), 1);
  assert.equal(at(-150), 0);
});

test('an alarm blocks the compressor and leaves the aux heater to the house', () => {
  const c = new Controller(o.heatPump, o.hotWater, 0);
  c.degreeMinutes = -450;
  c.decide({ ...base, t: 0, alarmActive: true, hotWaterC: 40 });
  assert.equal(c.compressorOn, false);
  assert.equal(c.hotWaterMode, false);
  assert.equal(c.auxStep, 1);
});

test('the heating curve is the supply that holds the setpoint: higher when colder, design loss at -20 °C', () => {
  const b = new Building(DEFAULT_HOUSE, 0);
  assert.ok(Math.abs(b.demandW(-20) - 7600) < 1e-9, 'design loss minus internal gains');
  assert.equal(b.demandW(25), 0);
  const curve = [-20, -10, 0, 10].map((t) => b.supplyTargetC(t, 2.7));
  for (let i = 1; i < curve.length; i++) assert.ok((curve[i] ?? 0) < (curve[i - 1] ?? 0));
  assert.ok(Math.abs((curve[0] ?? 0) - (42 + 7600 / 5400)) < 1e-9, `${curve[0]}`);
  // At the required mean water temperature the radiators emit exactly the demand.
  b.circuitC = b.requiredCircuitC(-5);
  assert.ok(Math.abs(b.radiatorEmissionW(true) - b.demandW(-5)) < 1e-6);
});
