import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveMetricOptions } from '../../../src/metrics/index.js';
import type { Figure, Sample, SeriesByRole } from '../../../src/model/index.js';
import { ivt, nibe, thermia, type BrandProvider } from '../../../src/providers/index.js';
import { computeSnapshot } from '../../../bridge/pipeline/compute-snapshot.js';
import { HOUR, MINUTE, NOON, pumpSeries } from '../fixtures/day-series.js';

const options = resolveMetricOptions({ timeZone: 'UTC' });

function value(f: Figure<number | boolean>): number | boolean {
  assert.notEqual(f.status, 'unavailable', JSON.stringify(f));
  return (f as { value: number | boolean }).value;
}

function close(f: Figure, expected: number, digits = 6): void {
  const v = value(f) as number;
  assert.ok(Math.abs(v - expected) < 10 ** -digits, `${v} != ${expected}`);
}

function snapshot(extra: SeriesByRole = {}, provider: BrandProvider = thermia, withLong = false) {
  const recent = { series: pumpSeries(NOON - 26 * HOUR, NOON, extra), windowMs: MINUTE };
  const long = withLong ? { series: pumpSeries(NOON - 72 * HOUR, NOON, extra), windowMs: MINUTE } : undefined;
  return computeSnapshot({ now: NOON, recent, long, options, provider });
}

/** A code every minute over the last 26 h: 0, then `code` from 11:30. */
function codes(code: number): Sample[] {
  const out: Sample[] = [];
  for (let t = NOON - 26 * HOUR; t < NOON; t += MINUTE)
    out.push({ t, v: t >= NOON - 30 * MINUTE ? code : 0 });
  return out;
}

describe('computeSnapshot (all figures from the core)', () => {
  it('runtime, cycles and hot-water cycles of the last 24 h', () => {
    const r = snapshot().runtime24h;
    // 20 hours of 40 min + 4 short cycles of 5 min = 820 of 1440 min.
    close(r.compressorShare, (820 / 1440) * 100);
    close(r.auxHeaterShare, (40 / 1440) * 100);
    close(r.hotWaterShare, (60 / 1440) * 100);
    assert.equal(value(r.starts), 24);
    close(r.startsPerHour, 1);
    close(r.meanCycleMinutes, 820 / 24);
    assert.equal(value(r.shortCycles), 4);
    assert.equal(value(r.hotWaterCycles), 3);
    close(r.hotWaterMeanMinutes, 20);
  });

  it('COP and energy today: Σ heat / Σ electricity since local midnight', () => {
    const s = snapshot();
    // Today = hours 0-11: 10 x 40 + 2 short cycles x 5 = 410 running minutes; 20 min of 3 kW aux.
    const heat = (410 / 60) * 13.5 + 1;
    const elec = (410 / 60) * 3 + (310 / 60) * 0.05 + 1;
    close(s.energy.heatToday, heat);
    assert.equal(s.energy.heatToday.status, 'estimated');
    close(s.energy.electricalToday, elec);
    close(s.cop.today, heat / elec);
    close(s.deltaT.supplyReturn, 5);
    close(s.deltaT.brine, 3);
  });

  it('the current state: compressor off at 11:45-12:00, so no COP now and 0 W of heat', () => {
    const s = snapshot();
    assert.equal(s.cop.now.status, 'unavailable');
    assert.equal(value(s.states.compressorRunning), false);
    assert.equal(value(s.states.hotWaterMode), false);
    assert.equal(value(s.states.auxHeaterOn), false);
    close(s.power.heat, 0);
    assert.equal(s.power.heat.status, 'estimated');
    close(s.power.electrical, 50);
    close(s.current.outdoor_temp ?? { status: 'unavailable', reason: '' }, -5);
    assert.equal(s.current.indoor_temp, undefined);
    close(s.dataQuality, 100);
    assert.deepEqual(s.rolesFound, [
      'aux_heater',
      'brine_in_temp',
      'brine_out_temp',
      'compressor',
      'electrical_power',
      'outdoor_temp',
      'return_temp',
      'supply_temp',
      'valve',
    ]);
  });

  it('long ranges: loading until the long series is there, then period COPs and season totals', () => {
    const loading = snapshot();
    assert.deepEqual(loading.cop.d7, { status: 'unavailable', reason: 'history is still loading' });
    const s = snapshot({}, thermia, true);
    // A whole day: 820 running minutes, 40 aux minutes.
    const heat = (820 / 60) * 13.5 + 2;
    const elec = (820 / 60) * 3 + (620 / 60) * 0.05 + 2;
    close(s.cop.d7, heat / elec);
    close(s.cop.d30, heat / elec);
    close(s.cop.season, heat / elec);
    close(s.energy.electricalTotal, 3 * elec);
    close(s.energy.heatTotal, 3 * heat);
    assert.equal(s.spf.boundary, 'H4');
    close(s.spf.figure, heat / elec);
    assert.equal(s.energy.since, Date.UTC(2024, 8, 1));
  });

  it('Thermia: an active code without a flag is an active alarm, with text, severity and start', () => {
    const a = snapshot({ alarm_code: codes(10) }).alarm;
    assert.equal(value(a.active), true);
    assert.deepEqual(
      [a.code, a.codeIsLast, a.severity, a.since],
      [10, false, 'critical', NOON - 30 * MINUTE],
    );
    assert.match(a.text ?? '', /high-pressure/i);
  });

  it('IVT: BA91 is the last alarm; only the 1A20 flag makes it active', () => {
    const flagOff = codes(0).map((s) => ({ t: s.t, v: 0 }));
    const cleared = snapshot({ alarm_code: codes(10), alarm_active: flagOff }, ivt).alarm;
    assert.equal(value(cleared.active), false);
    assert.deepEqual([cleared.code, cleared.codeIsLast, cleared.severity], [10, true, null]);
    assert.equal(cleared.text, 'Brine-out sensor GT11');
    const active = snapshot({ alarm_code: codes(10), alarm_active: codes(1) }, ivt).alarm;
    assert.equal(value(active.active), true);
    assert.equal(active.severity, 'error');
    const noFlag = snapshot({ alarm_code: codes(10) }, ivt).alarm;
    assert.deepEqual(noFlag.active, {
      status: 'unavailable',
      reason: 'only the last alarm code is logged, no active flag',
    });
  });

  it('NIBE: 2A20 holds the code while active, 0 when clear', () => {
    const a = snapshot({ alarm_code: codes(21) }, nibe).alarm;
    assert.equal(value(a.active), true);
    assert.deepEqual([a.code, a.text, a.severity], [21, 'High-pressure switch', 'critical']);
    const clear = snapshot({ alarm_code: codes(0) }, nibe).alarm;
    assert.equal(value(clear.active), false);
    assert.deepEqual([clear.code, clear.text], [0, null]);
  });
});
