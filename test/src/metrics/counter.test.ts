import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { counterCumulative, counterEnergy, cumulativeAt } from '../../../src/index.js';
import { cumulativeCursor } from '../../../src/metrics/counter.js';
import { arbCounter } from '../arbitraries.js';
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
  it('equals cumulativeAt for instants asked in non-decreasing order (property)', () => {
    fc.assert(
      fc.property(
        arbCounter(),
        fc.array(fc.integer({ min: -40, max: 700 }), { maxLength: 40 }),
        (counter, minutes) => {
          const { cumulative } = counterCumulative(counter, OPTS);
          const at = cumulativeCursor(cumulative);
          for (const m of [...minutes].sort((a, b) => a - b)) {
            const t = T0 + m * MIN;
            assert.equal(at(t), cumulativeAt(cumulative, t));
          }
        },
      ),
    );
  });
});
