import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  alarmStatus,
  buildLedger,
  cleanSeries,
  counterCumulative,
  dataQuality,
  ensureSeriesByRole,
  gapMarker,
  heldSegments,
  integrate,
  isValidSeries,
  resolveMetricOptions,
  runtimeShares,
  timeShare,
  valueAt,
  type Sample,
  type Series,
} from '../../../src/index.js';
import { HOUR, MIN, T0, at, close, valueOf } from '../fixtures.js';

const m = (minutes: number) => T0 + minutes * MIN;
const gap = (minutes: number) => gapMarker(m(minutes));
const HOLD = { from: T0, to: m(60), staleMs: HOUR };

describe('gap markers: hold-last-value stops at the marker', () => {
  it('golden: a value holds until the marker, nothing holds from it to the next sample', () => {
    const s: Series = [...at([[0, 10]]), gap(20), ...at([[40, 30]])];
    assert.deepEqual(heldSegments(s, HOLD), [
      { start: m(0), end: m(20), v: 10 },
      { start: m(40), end: m(60), v: 30 },
    ]);
    const r = integrate(s, HOLD);
    assert.equal(r.coveredMs, 40 * MIN);
    assert.equal(r.integral, 10 * 20 * MIN + 30 * 20 * MIN);
    assert.deepEqual(r.gaps, [{ from: m(20), to: m(40) }]);
    assert.deepEqual(
      timeShare(s, (v) => v > 20, HOLD),
      { trueMs: 20 * MIN, coveredMs: 40 * MIN, share: 0.5 },
    );
    assert.equal(valueAt(s, m(19), HOUR), 10);
    assert.equal(valueAt(s, m(20), HOUR), undefined);
    assert.equal(valueAt(s, m(39), HOUR), undefined);
    assert.equal(valueAt(s, m(40), HOUR), 30);
  });

  it('golden: a marker before the range stops the value holding into it', () => {
    const s: Series = [...at([[-10, 5]]), gap(-5), ...at([[30, 7]])];
    assert.equal(integrate(s, HOLD).coveredMs, 30 * MIN);
  });

  it('golden, HA history end to end: compressor on, "unavailable", on again -> runtime stops at the break', () => {
    const raw = [
      { t: m(0), v: 'on' },
      { t: m(30), v: 'unavailable' },
      { t: m(50), v: 'off' },
    ];
    const range = { from: T0, to: m(60), options: { staleMs: 2 * HOUR } };
    const held = runtimeShares({ compressor: cleanSeries(raw).series }, range);
    const broken = runtimeShares({ compressor: cleanSeries(raw, { gapValues: 'break' }).series }, range);
    // Without the marker "on" holds 0-50 min; with it only 0-30, and 30-50 is unknown.
    close(valueOf(held.compressorHours), 50 / 60);
    close(valueOf(broken.compressorHours), 30 / 60);
    close(valueOf(broken.coveragePct), (40 / 60) * 100);
    close(valueOf(broken.compressorPct), (30 / 40) * 100);
  });

  it('the ledger leaves the gap unknown: no heat, no running state, no temperatures', () => {
    const ledger = buildLedger(
      {
        compressor: at([[0, 1]]),
        supply_temp: [...at([[0, 35]]), gap(10), ...at([[20, 35]])],
        return_temp: at([[0, 30]]),
      },
      { range: { from: T0, to: m(30) }, options: resolveMetricOptions({ staleMs: HOUR }) },
    );
    const inGap = ledger.segments.find((s) => s.start === m(10));
    assert.equal(inGap?.end, m(20));
    assert.equal(inGap?.supplyC, undefined);
    assert.equal(inGap?.hpHeatKwh, undefined);
    assert.equal(inGap?.running, true);
    const heatKwh = ledger.segments.reduce((sum, s) => sum + (s.hpHeatKwh ?? 0), 0);
    // 2.7 kW/K x 5 K = 13.5 kW over 20 of 30 min.
    close(heatKwh, 13.5 * (20 / 60));
  });

  it('counters skip markers: the energy across the gap still counts', () => {
    const { cumulative } = counterCumulative([...at([[0, 100]]), gap(10), ...at([[60, 101]])], {
      maxPowerW: 100_000,
      wrapKwh: null,
    });
    assert.deepEqual(
      cumulative,
      at([
        [0, 0],
        [60, 1],
      ]),
    );
  });

  it('data quality: markers are not samples; a marker at the end makes the role stale', () => {
    const q = dataQuality(
      {
        outdoor_temp: [
          ...at([
            [0, 1],
            [10, 2],
          ]),
          gap(20),
        ],
        indoor_temp: [gap(-1), gap(5)],
      },
      { from: T0, to: m(30), options: { staleMs: HOUR } },
    );
    const outdoor = q.roles.find((r) => r.role === 'outdoor_temp');
    assert.equal(outdoor?.samplesInRange, 2);
    assert.equal(outdoor?.lastSampleAt, m(10));
    assert.equal(outdoor?.stale, true);
    close(outdoor?.coveragePct, (20 / 30) * 100);
    // A role with markers only has no data at all.
    assert.ok(q.missingRoles.includes('indoor_temp'));
    close(valueOf(q.overallCoveragePct), (20 / 30) * 100);
  });

  it('alarm: a marker on the code makes the code unknown; an active flag stops at a marker', () => {
    const status = alarmStatus(
      { alarm_code: [...at([[0, 12]]), gap(10)], alarm_active: [...at([[0, 1]]), gap(10), ...at([[20, 1]])] },
      { at: m(30), staleMs: HOUR },
    );
    assert.equal(status.code, null);
    assert.equal(status.active, true);
    assert.equal(status.since, m(20));
  });

  it('ensureSeriesByRole keeps valid series with markers untouched and empties marker-only ones', () => {
    const withGap: Series = [...at([[0, 1]]), gap(5)];
    assert.equal(isValidSeries(withGap), true);
    assert.equal(isValidSeries([{ t: 1, v: Number.NaN }]), false);
    const { series } = ensureSeriesByRole({ outdoor_temp: withGap, indoor_temp: [gap(1)] });
    assert.equal(series.outdoor_temp, withGap);
    assert.deepEqual(series.indoor_temp, []);
    // Unsorted input with a marker is cleaned and keeps the marker.
    const unsorted = ensureSeriesByRole({ outdoor_temp: [gap(5), ...at([[0, 1]])].reverse() });
    assert.equal(unsorted.series.outdoor_temp?.length, 2);
  });

  it('property: a marker at time g splits the series into what came before g and what came after', () => {
    const samples = fc.uniqueArray(
      fc.record({ m: fc.integer({ min: -30, max: 300 }), v: fc.integer({ min: -50, max: 50 }) }),
      { selector: (x) => x.m, maxLength: 30 },
    );
    fc.assert(
      fc.property(samples, fc.integer({ min: -29, max: 299 }), (raw, g) => {
        const s = at(raw.sort((a, b) => a.m - b.m).map((x) => [x.m, x.v] as const));
        const before = s.filter((x) => x.t < m(g));
        const after = s.filter((x) => x.t > m(g));
        const marked: Sample[] = [...before, gap(g), ...after];
        const hold = { from: T0, to: m(240), staleMs: 20 * MIN };
        const whole = integrate(marked, hold);
        const cut = Math.min(Math.max(m(g), hold.from), hold.to);
        const a = integrate(before, { ...hold, to: cut });
        const b = integrate(after, { ...hold, from: cut });
        assert.equal(whole.coveredMs, a.coveredMs + b.coveredMs);
        close(whole.integral, a.integral + b.integral, 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
