// fast-check generators of heat-pump signal sets: irregular, change-only, with gaps.
import fc from 'fast-check';
import type { Role, Series, SeriesByRole } from '../../src/index.js';
import { MIN, T0 } from './fixtures.js';

/** A change-only log: samples at irregular minutes in [-30, 300) with values from `value`. */
export function arbLog(value: fc.Arbitrary<number>, maxLength = 25): fc.Arbitrary<Series> {
  return fc
    .uniqueArray(fc.record({ m: fc.integer({ min: -30, max: 299 }), v: value }), {
      selector: (x) => x.m,
      maxLength,
    })
    .map((xs) => xs.sort((a, b) => a.m - b.m).map((x) => ({ t: T0 + x.m * MIN, v: x.v })));
}

/** A cumulative counter (kWh) with occasional resets. */
export function arbCounter(): fc.Arbitrary<Series> {
  return fc
    .array(
      fc.record({
        gap: fc.integer({ min: 1, max: 30 }),
        inc: fc.double({ min: 0, max: 2, noNaN: true }),
        reset: fc.boolean(),
      }),
      {
        maxLength: 20,
      },
    )
    .map((steps) => {
      let m = -20;
      let v = 100;
      return steps.map((s) => {
        m += s.gap;
        v = s.reset && s.inc < 0.2 ? s.inc : v + s.inc;
        return { t: T0 + m * MIN, v };
      });
    });
}

/** A meter counting whole kWh: long flat stretches, then a step of 1-2 kWh. */
export function arbWholeKwhCounter(): fc.Arbitrary<Series> {
  return fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 30 }), inc: fc.constantFrom(0, 0, 0, 0, 1, 2) }), {
      maxLength: 30,
    })
    .map((steps) => {
      let m = -20;
      let v = 100;
      return steps.map((s) => {
        m += s.gap;
        v += s.inc;
        return { t: T0 + m * MIN, v };
      });
    });
}

const onOff = fc.constantFrom(0, 1);

/** A full signal set; each role may be missing. */
export function arbSeries(): fc.Arbitrary<SeriesByRole> {
  const maybe = (a: fc.Arbitrary<Series>) => fc.option(a, { nil: undefined, freq: 4 });
  return fc
    .record({
      compressor: maybe(arbLog(onOff)),
      valve: maybe(arbLog(onOff)),
      aux_heater: maybe(arbLog(fc.constantFrom(0, 0, 3, 6, 9))),
      supply_temp: maybe(arbLog(fc.integer({ min: 20, max: 60 }))),
      return_temp: maybe(arbLog(fc.integer({ min: 20, max: 55 }))),
      brine_in_temp: maybe(arbLog(fc.integer({ min: -5, max: 10 }))),
      electrical_power: maybe(arbLog(fc.integer({ min: 0, max: 12000 }))),
      heat_power: fc.option(arbLog(fc.integer({ min: 0, max: 15000 })), { nil: undefined, freq: 1 }),
      electrical_energy: fc.option(arbCounter(), { nil: undefined, freq: 2 }),
    })
    .map((r) => {
      const out: SeriesByRole = {};
      for (const [role, s] of Object.entries(r)) if (s) out[role as Role] = s;
      return out;
    });
}
