import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alarmStatus, ivt, mapRows, nibe, thermia } from '../../../src/index.js';
import { MIN, T0, at } from '../fixtures.js';

const STALE = 15 * MIN;

describe('alarmStatus', () => {
  it('Thermia: active flag and active code, with text, severity and since', () => {
    const series = {
      alarm_active: at([
        [0, 0],
        [10, 1],
        [20, 1],
      ]),
      alarm_code: at([
        [0, 0],
        [10, 10],
      ]),
    };
    const s = alarmStatus(series, { at: T0 + 25 * MIN, provider: thermia, lang: 'sv', staleMs: STALE });
    assert.deepEqual(s, {
      active: true,
      code: 10,
      codeIsLast: false,
      text: 'HP: högtryckspressostat',
      severity: 'critical',
      since: T0 + 10 * MIN,
    });
  });

  it('IVT: a last-alarm code with the flag off is not active (no permanent alarm)', () => {
    const { series } = mapRows(ivt, [
      { t: T0, registerId: '1A20', value: 0 },
      { t: T0, registerId: 'BA91', value: 14 },
    ]);
    const s = alarmStatus(series, { at: T0 + MIN, provider: ivt, staleMs: STALE });
    assert.equal(s.active, false);
    assert.equal(s.code, 14);
    assert.equal(s.codeIsLast, true);
    assert.equal(s.text, 'Low-pressure switch LP');
    assert.equal(s.severity, null);
    // Without the flag register nothing can be said about "active".
    const onlyCode = alarmStatus(
      { alarm_code: series.alarm_code! },
      { at: T0 + MIN, provider: ivt, staleMs: STALE },
    );
    assert.equal(onlyCode.active, null);
  });

  it('NIBE: active code without a flag; unknown codes get the generic text and severity error', () => {
    const s = alarmStatus(
      {
        alarm_code: at([
          [0, 0],
          [5, 77],
        ]),
      },
      { at: T0 + 6 * MIN, provider: nibe, staleMs: STALE },
    );
    assert.equal(s.active, true);
    assert.equal(s.text, 'Freeze protection (radiator)');
    assert.equal(s.since, T0 + 5 * MIN);
    const unknown = alarmStatus({ alarm_code: at([[0, 199]]) }, { at: T0, provider: nibe, staleMs: STALE });
    assert.equal(unknown.text, 'unknown alarm 199');
    assert.equal(unknown.severity, 'error');
    const noProvider = alarmStatus({ alarm_code: at([[0, 3]]) }, { at: T0, staleMs: STALE });
    assert.equal(noProvider.text, 'unknown alarm 3');
  });

  it('stale flag or code means unknown, not "no alarm"', () => {
    const s = alarmStatus({ alarm_active: at([[0, 0]]) }, { at: T0 + 60 * MIN, staleMs: STALE });
    assert.equal(s.active, null);
    const c = alarmStatus({ alarm_code: at([[0, 0]]) }, { at: T0 + 60 * MIN, staleMs: STALE });
    assert.equal(c.active, null);
    assert.equal(c.code, 0);
    assert.equal(c.text, null);
    assert.deepEqual(alarmStatus({}, { at: T0, staleMs: STALE }), {
      active: null,
      code: null,
      codeIsLast: false,
      text: null,
      severity: null,
      since: null,
    });
  });
});
