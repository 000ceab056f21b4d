import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTimeline } from '../../../src/index.js';
import { MIN, T0, at } from '../fixtures.js';

describe('buildTimeline', () => {
  it('aligns roles on the union of their changes, staleness ends and cuts', () => {
    const segs = buildTimeline(
      {
        compressor: at([
          [0, 1],
          [30, 0],
        ]),
        valve: at([[10, 1]]),
        supply_temp: at([[0, 40]]),
      },
      ['compressor', 'valve', 'supply_temp', 'return_temp'],
      {
        from: T0,
        to: T0 + 60 * MIN,
        staleMs: 60 * MIN,
        staleMsByRole: { supply_temp: 20 * MIN },
        cuts: [T0 + 45 * MIN, T0 - 5],
      },
    );
    assert.deepEqual(
      segs.map((s) => [(s.start - T0) / MIN, (s.end - T0) / MIN, s.values]),
      [
        [0, 10, { compressor: 1, supply_temp: 40 }],
        [10, 20, { compressor: 1, valve: 1, supply_temp: 40 }],
        [20, 30, { compressor: 1, valve: 1 }],
        [30, 45, { compressor: 0, valve: 1 }],
        [45, 60, { compressor: 0, valve: 1 }],
      ],
    );
  });

  it('empty or inverted ranges give no segments', () => {
    assert.deepEqual(buildTimeline({}, ['compressor'], { from: 10, to: 10, staleMs: 1 }), []);
    assert.deepEqual(
      buildTimeline({}, ['compressor'], { from: 0, to: 10, staleMs: 1 }).map((s) => s.values),
      [{}],
    );
  });
});
