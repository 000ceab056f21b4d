import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIM_ALARM_CODES, getProviderAlarmText } from './alarm-helpers.js';
import { AlarmProcess } from '../../../src/simulator/alarms.js';
import { DEFAULT_ALARMS } from '../../../src/simulator/index.js';
import { DAY_MS, frames } from './sim-fixtures.js';

const YEAR_START = Date.UTC(2020, 0, 1);

function alarmsOverYears(
  years: number,
  perYear: number,
): { raised: number; minutes: number[]; codes: Set<number> } {
  const p = new AlarmProcess({ ...DEFAULT_ALARMS, perYear }, SIM_ALARM_CODES.thermia, 17);
  let raised = 0;
  let since = 0;
  const minutes: number[] = [];
  const codes = new Set<number>();
  let previous = 0;
  // One-minute steps are enough to see 15-150 min alarms.
  for (let t = YEAR_START; t < YEAR_START + years * 365 * DAY_MS; t += 60_000) {
    p.step(t);
    if (p.activeCode !== 0 && previous === 0) {
      raised++;
      since = t;
      codes.add(p.activeCode);
    }
    if (p.activeCode === 0 && previous !== 0) minutes.push((t - since) / 60_000);
    previous = p.activeCode;
  }
  return { raised, minutes, codes };
}

test('alarms are occasional: about perYear a year, 15-150 min each, codes from the brand table', () => {
  const { raised, minutes, codes } = alarmsOverYears(10, 10);
  assert.ok(raised > 70 && raised < 130, `${raised} alarms in 10 years`);
  assert.ok(
    Math.min(...minutes) >= 15 && Math.max(...minutes) <= 151,
    `${Math.min(...minutes)}-${Math.max(...minutes)}`,
  );
  for (const code of codes) {
    assert.ok(SIM_ALARM_CODES.thermia.includes(code));
    assert.notEqual(getProviderAlarmText('thermia', code), undefined, `thermia code ${code} has a text`);
  }
});

test('every simulated alarm code exists in its brand provider table', () => {
  for (const brand of ['thermia', 'ivt', 'nibe'] as const) {
    for (const code of SIM_ALARM_CODES[brand])
      assert.notEqual(getProviderAlarmText(brand, code), undefined, `${brand} ${code}`);
  }
});

test('perYear 0 never raises an alarm', () => {
  assert.equal(alarmsOverYears(1, 0).raised, 0);
});

test('an active alarm blocks the compressor; the last code stays after it clears', () => {
  const list = frames({ from: Date.UTC(2024, 0, 8), days: 28, input: { alarms: { perYear: 150 } } });
  const alarmed = list.filter((f) => f.alarmCode !== 0);
  assert.ok(alarmed.length > 0, 'alarms happen at 150 a year over four weeks');
  for (const f of alarmed) {
    assert.equal(f.compressorOn, false);
    assert.equal(f.lastAlarmCode, f.alarmCode);
  }
  const cleared = list.filter((f) => f.alarmCode === 0 && f.lastAlarmCode !== 0);
  assert.ok(cleared.length > 0);
});
