import assert from 'node:assert/strict';
import { test } from 'node:test';
import { carnotCop, compressorCop, resolveOptions } from '../../../src/simulator/index.js';
import { compressorHeatW, compressorPowerW, relax } from '../../../src/simulator/heat-pump-physics.js';

const pump = resolveOptions({ brand: 'thermia' }).heatPump;

test('Carnot COP = T_cond / (T_cond - T_evap) in kelvin', () => {
  // 37 °C condensing, -6 °C evaporating: 310.15 / 43.
  assert.ok(Math.abs(carnotCop(37, -6) - 310.15 / 43) < 1e-12);
  // Lift floored at 20 K so mild conditions do not explode.
  assert.ok(Math.abs(carnotCop(30, 25) - 303.15 / 20) < 1e-12);
});

test('B0/W35 gives COP 0.5 x 310.15 / 43 = 3.61; hot water at W50 is clearly worse', () => {
  const b0w35 = compressorCop({ condenserOutC: 35, sourceC: 0, pump });
  assert.ok(Math.abs(b0w35 - 3.6064) < 1e-3, `${b0w35}`);
  const b0w50 = compressorCop({ condenserOutC: 50, sourceC: 0, pump });
  assert.ok(b0w50 < 2.9 && b0w50 > 2.5, `${b0w50}`);
});

test('compressor input rises 1.2 %/K with the condensing temperature', () => {
  assert.equal(compressorPowerW(35, pump), 1800);
  assert.ok(Math.abs(compressorPowerW(45, pump) - 1800 * 1.12) < 1e-9);
});

test('after a start the heat output ramps from the electrical input to COP x input', () => {
  assert.equal(compressorHeatW({ electricW: 2000, cop: 4, runningS: 0 }), 2000);
  const steady = compressorHeatW({ electricW: 2000, cop: 4, runningS: 3600 });
  assert.ok(Math.abs(steady - 8000) < 1e-6);
  const oneMinute = compressorHeatW({ electricW: 2000, cop: 4, runningS: 60 });
  assert.ok(oneMinute > 2000 && oneMinute < 8000);
});

test('relax approaches the target with the given time constant', () => {
  assert.ok(Math.abs(relax(0, 10, 60, 60) - 10 * (1 - Math.exp(-1))) < 1e-12);
  assert.equal(relax(5, 5, 30, 10), 5);
});
