import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataQuality, emptyIssueCounts } from '../../../src/index.js';
import { MIN, T0, at, close, valueOf } from '../fixtures.js';

describe('dataQuality', () => {
  it('golden: coverage, gaps, staleness per role; missing roles; counted bad samples', () => {
    const issues = emptyIssueCounts();
    issues.nan = 3;
    const q = dataQuality(
      {
        outdoor_temp: at([
          [0, 1],
          [10, 1],
          [40, 1],
        ]),
        compressor: at([[-5, 1]]),
        // Unsorted input is cleaned and counted, not thrown.
        valve: [
          { t: T0 + 10 * MIN, v: 1 },
          { t: T0, v: 0 },
        ],
      },
      { from: T0, to: T0 + 60 * MIN, issues },
    );
    const outdoor = q.roles.find((r) => r.role === 'outdoor_temp');
    // Held 0-25 and 40-55 with staleMs 15 min: 40 of 60 min; gaps 25-40 and 55-60.
    close(outdoor?.coveragePct, (40 / 60) * 100);
    assert.equal(outdoor?.gapCount, 2);
    assert.deepEqual(outdoor?.gaps, [
      { from: T0 + 25 * MIN, to: T0 + 40 * MIN },
      { from: T0 + 55 * MIN, to: T0 + 60 * MIN },
    ]);
    assert.equal(outdoor?.gapMs, 20 * MIN);
    assert.equal(outdoor?.longestGapMs, 15 * MIN);
    assert.equal(outdoor?.samplesInRange, 3);
    assert.equal(outdoor?.stale, true);
    assert.equal(outdoor?.lastSampleAt, T0 + 40 * MIN);
    const compressor = q.roles.find((r) => r.role === 'compressor');
    close(compressor?.coveragePct, (10 / 60) * 100);
    assert.equal(compressor?.samplesInRange, 0);
    assert.ok(q.missingRoles.includes('electrical_power'));
    assert.deepEqual(q.staleRoles, ['outdoor_temp', 'compressor', 'valve']);
    assert.equal(q.issues.nan, 3);
    assert.equal(q.issues.out_of_order, 1);
    assert.equal(q.skippedSamples, 4);
    assert.equal(q.rangeMs, 60 * MIN);
    // Mean of the three present roles: outdoor 40, compressor 10, valve 15 (the out-of-order sample
    // at 0 is skipped) of 60 min.
    const valve = q.roles.find((r) => r.role === 'valve');
    close(valve?.coveragePct, (15 / 60) * 100);
    close(valueOf(q.overallCoveragePct), ((40 + 10 + 15) / (3 * 60)) * 100);
  });

  it('overall coverage is unavailable for an empty range or without data', () => {
    assert.deepEqual(dataQuality({}, { from: T0, to: T0 + MIN }).overallCoveragePct, {
      status: 'unavailable',
      reason: 'no data in range',
      code: 'no_data',
    });
    const empty = dataQuality({ outdoor_temp: at([[0, 1]]) }, { from: T0, to: T0 });
    assert.equal((empty.overallCoveragePct as { code?: string }).code, 'empty_range');
  });
});
