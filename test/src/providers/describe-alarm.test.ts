import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alarmInfo, describeAlarm, ivt, nibe, thermia } from '../../../src/index.js';

describe('describeAlarm', () => {
  it('gives the brand text in English or Swedish', () => {
    assert.equal(describeAlarm(thermia, 10, 'en'), 'HP: high-pressure switch');
    assert.equal(describeAlarm(thermia, 10, 'sv'), 'HP: högtryckspressostat');
    assert.equal(describeAlarm(ivt, 22), 'Power failure');
    assert.equal(describeAlarm(nibe, 83, 'sv'), 'För lågt COP');
    assert.equal(describeAlarm(nibe, 83, 'de'), 'COP too low');
  });

  it('unknown codes are "unknown alarm N" / "okänt larm N" with severity error', () => {
    assert.equal(describeAlarm(thermia, 99, 'en'), 'unknown alarm 99');
    assert.equal(describeAlarm(thermia, 99, 'sv'), 'okänt larm 99');
    assert.equal(describeAlarm(ivt, 2.5), 'unknown alarm 2.5');
    assert.deepEqual(alarmInfo(ivt, 99), {
      code: 99,
      known: false,
      en: 'unknown alarm 99',
      sv: 'okänt larm 99',
      severity: 'error',
    });
    assert.equal(alarmInfo(ivt, 15).known, true);
  });

  it('property: never throws for any number', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('en', 'sv', 'xx'), (code, lang) => {
        assert.equal(typeof describeAlarm(nibe, code, lang), 'string');
      }),
      { numRuns: 200 },
    );
  });
});
