import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveOptions } from '../../../src/simulator/index.js';
import type { SimBrand } from '../../../src/simulator/index.js';

test('defaults: ground source, seed 1, 30 s steps, aux 3/6/9 kW', () => {
  const o = resolveOptions({ brand: 'thermia' });
  assert.equal(o.heatPump.source, 'ground');
  assert.equal(o.seed, 1);
  assert.equal(o.stepMs, 30_000);
  assert.deepEqual(o.heatPump.auxStepsKw, [3, 6, 9]);
  assert.equal(o.heatPump.flowFactorKwPerK, 2.7);
});

test('air source changes the source defaults and keeps explicit overrides', () => {
  const o = resolveOptions({ brand: 'nibe', source: 'air', heatPump: { compressorPowerW: 2500 } });
  assert.equal(o.heatPump.source, 'air');
  assert.equal(o.heatPump.compressorPowerW, 2500);
  assert.equal(o.heatPump.evaporatingOffsetC, 9);
});

test('resolving resolved options is the identity', () => {
  const o = resolveOptions({ brand: 'ivt', seed: 9, house: { designHeatLossW: 6000 } });
  assert.deepEqual(resolveOptions(o), o);
});

test('bad options are rejected with the key that is wrong', () => {
  assert.throws(() => resolveOptions({ brand: 'daikin' as SimBrand }), /unknown brand "daikin"/);
  assert.throws(() => resolveOptions({ brand: 'ivt', stepMs: 10 }), /stepMs/);
  assert.throws(() => resolveOptions({ brand: 'ivt', seed: Number.NaN }), /seed/);
  assert.throws(
    () => resolveOptions({ brand: 'ivt', hotWater: { startC: 50, stopC: 45 } }),
    /hotWater.stopC/,
  );
  assert.throws(() => resolveOptions({ brand: 'ivt', heatPump: { auxStepsKw: [6, 3] } }), /auxStepsKw/);
  assert.throws(
    () => resolveOptions({ brand: 'ivt', heatPump: { carnotEfficiency: 1.2 } }),
    /carnotEfficiency/,
  );
  assert.throws(() => resolveOptions({ brand: 'ivt', house: { designOutdoorC: 25 } }), /designOutdoorC/);
});
