import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { counterCumulative, counterEnergy, cumulativeAt } from '../../../src/index.js';
import { counterColumns, cumulativeCursor } from '../../../src/metrics/counter.js';
import { arbCounter, arbWholeKwhCounter } from '../arbitraries.js';
import { MIN, T0, at, close } from '../fixtures.js';

const OPTS = { maxPowerW: 100_000, wrapKwh: null };

describe('energy counters', () => {
  it('golden: a reset skips one step and counting continues from the new value', () => {
    // 500 -> 505 (+5), reset to 0.5 (skipped), -> 3.5 (+3): 8 kWh.
    const { cumulative, issues } = counterCumulative(
      at([
        [0, 500],
        [30, 505],
        [60, 0.5],
        [90, 3.5],
      ]),
      OPTS,
    );
    assert.deepEqual(
      cumulative.map((s) => s.v),
      [0, 5, 5, 8],
    );
    assert.equal(issues.counter_reset, 1);
  });

  it('golden: wrap-around of a 1000 kWh counter is counted', () => {
    const { cumulative, issues } = counterCumulative(
      at([
        [0, 998],
        [60, 3],
      ]),
      { maxPowerW: 100_000, wrapKwh: 1000 },
    );
    assert.equal(cumulative[1]?.v, 5);
    assert.equal(issues.counter_reset, 0);
  });

  it('golden: an implausible jump (glitch back from a bogus 0) is skipped', () => {
    // 1000 -> 0 (reset) -> 1000 after 30 s would be 120 MW: counter_jump; -> 1001 (+1).
    const s = [
      { t: T0, v: 1000 },
      { t: T0 + 30_000, v: 0 },
      { t: T0 + 60_000, v: 1000 },
      { t: T0 + 60 * MIN, v: 1001 },
    ];
    const { cumulative, issues } = counterCumulative(s, OPTS);
    assert.equal(cumulative[3]?.v, 1);
    assert.equal(issues.counter_reset, 1);
    assert.equal(issues.counter_jump, 1);
  });

  it('interpolates linearly between reads and clamps outside the span', () => {
    const { cumulative } = counterCumulative(
      at([
        [0, 10],
        [60, 16],
      ]),
      OPTS,
    );
    close(cumulativeAt(cumulative, T0 + 30 * MIN), 3);
    close(counterEnergy(cumulative, T0 + 10 * MIN, T0 + 20 * MIN), 1);
    assert.equal(cumulativeAt(cumulative, T0 - MIN), 0);
    assert.equal(cumulativeAt(cumulative, T0 + 120 * MIN), 6);
    assert.equal(cumulativeAt([], T0), 0);
  });

  it('property: the cumulative counter never decreases and never exceeds the sum of rises', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { maxLength: 40 }), (values) => {
        const s = values.map((v, i) => ({ t: T0 + i * 60_000, v }));
        const { cumulative } = counterCumulative(s, { maxPowerW: 1e12, wrapKwh: null });
        let rises = 0;
        for (let i = 1; i < s.length; i += 1) rises += Math.max(0, s[i]!.v - s[i - 1]!.v);
        for (let i = 1; i < cumulative.length; i += 1) assert.ok(cumulative[i]!.v >= cumulative[i - 1]!.v);
        assert.ok((cumulative[cumulative.length - 1]?.v ?? 0) <= rises + 1e-6);
      }),
      { numRuns: 100 },
    );
  });
});

describe('counterCumulative with a whole-kWh meter', () => {
  it('counts 1 kWh steps after flat reads every 30 s (2 kW over 30 min, not 120 kW over 30 s)', () => {
    const series = [];
    // 2 kWh/h for 3 h, read every 30 s, the meter showing whole kWh: a step every 30 minutes.
    for (let t = 0; t <= 3 * 3_600_000; t += 30_000)
      series.push({ t, v: 100 + Math.floor((t / 3_600_000) * 2) });
    const { cumulative, issues } = counterCumulative(series, { maxPowerW: 100_000, wrapKwh: null });
    assert.equal(cumulative.at(-1)?.v, 6);
    assert.equal(issues.counter_jump, 0);
  });
});

describe('cumulativeCursor', () => {
  it('over counterColumns, equals cumulativeAt for instants asked in non-decreasing order (property)', () => {
    fc.assert(
      fc.property(
        arbCounter(),
        fc.array(fc.integer({ min: -40, max: 700 }), { maxLength: 40 }),
        (counter, minutes) => {
          const { cumulative } = counterCumulative(counter, OPTS);
          const at = cumulativeCursor(counterColumns(counter, OPTS));
          for (const m of [...minutes].sort((a, b) => a - b)) {
            const t = T0 + m * MIN;
            assert.equal(at(t), cumulativeAt(cumulative, t));
          }
        },
      ),
    );
  });
});

describe('counterColumns over a span', () => {
  it('judges the first step after `from` over the flat stretch before it, as the whole series does', () => {
    // Flat at 100 kWh from minute 0, then +1 kWh at 50: over the 50 min since the last change that
    // is 1.2 kW (plausible at 2 kW); over the 10 min since the sample before `from` it would be 6 kW.
    const meter = at([
      [0, 100],
      [20, 100],
      [40, 100],
      [50, 101],
    ]);
    const opts = { maxPowerW: 2000, wrapKwh: null };
    const span = counterColumns(meter, opts, { from: T0 + 45 * MIN, to: T0 + 60 * MIN });
    assert.equal(span.issues.counter_jump, 0);
    const read = cumulativeCursor(span);
    const start = read(T0 + 45 * MIN);
    close(read(T0 + 55 * MIN) - start, 0.5); // half the step lies in [45, 50)
  });

  it('gives every piece of the span the kWh the whole series gives it (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbCounter(), arbWholeKwhCounter()),
        fc.integer({ min: -40, max: 500 }),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 12 }),
        fc.constantFrom(50_000, 5_000, 2_000, 500),
        (counter, fromMin, lengthMin, cutMin, maxPowerW) => {
          const opts = { maxPowerW, wrapKwh: null };
          const from = T0 + fromMin * MIN;
          const to = from + lengthMin * MIN;
          const whole = cumulativeCursor(counterColumns(counter, opts));
          const span = cumulativeCursor(counterColumns(counter, opts, { from, to }));
          const points = [from, ...cutMin.map((m) => Math.min(to, from + m * MIN)), to].sort((a, b) => a - b);
          let wholePrev = whole(points[0]!);
          let spanPrev = span(points[0]!);
          for (const t of points.slice(1)) {
            const w = whole(t);
            const s = span(t);
            close(s - spanPrev, w - wholePrev, 1e-9);
            wholePrev = w;
            spanPrev = s;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
