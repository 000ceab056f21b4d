import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computePeriodMetrics, generic, getProvider, mapRows } from '../../../src/index.js';
import type { ProviderRow, SeriesByRole } from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import {
  MIN,
  SCENARIO_A,
  SCENARIO_A_ELEC,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  T0,
  close,
  valueOf,
} from '../fixtures.js';

const RANGE = { from: T0, to: T0 + 240 * MIN };

function rowsOf(series: SeriesByRole): ProviderRow[] {
  return Object.entries(series).flatMap(([role, s]) =>
    (s ?? []).map((x) => ({ t: x.t, name: role, value: x.v })),
  );
}

describe('computePeriodMetrics', () => {
  it('golden scenario A end to end: every figure from one ledger, plain JSON', () => {
    const m = computePeriodMetrics({
      series: SCENARIO_A,
      range: SCENARIO_A_RANGE,
      options: SCENARIO_A_OPTIONS,
    });
    close(valueOf(m.cop.includingStandby), 22 / SCENARIO_A_ELEC);
    close(valueOf(m.energy.heat), 22);
    assert.equal(m.spf.boundary, 'H4');
    close(valueOf(m.runtime.idlePct), (140 / 240) * 100);
    assert.equal(valueOf(m.cycles.starts), 2);
    assert.equal(valueOf(m.hotWater.count), 1);
    assert.equal(valueOf(m.deltaT.supplyReturn), 5);
    assert.equal(m.energyFlow.status, 'estimated');
    assert.equal(m.sources.heat?.kind, 'flow_factor');
    assert.equal(m.sources.electricity?.kind, 'power');
    assert.deepEqual(m.optionProblems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('Thermia husdata rows -> mapRows -> metrics, with upstream issues reported', () => {
    const thermia = getProvider('thermia');
    const rows: ProviderRow[] = [];
    for (let m = -1; m < 120; m += 1) {
      const t = T0 + m * MIN;
      const on = m >= 0 && m < 60 ? 1 : 0;
      rows.push(
        { t, registerId: '1A01', value: on },
        { t, registerId: '1A07', value: 0 },
        { t, registerId: '0002', value: on ? 35 : 28 },
        { t, registerId: '0001', value: on ? 30 : 28 },
        { t, registerId: 'CFAA', value: on ? 2700 : 0 },
        { t, registerId: '3104', value: 0 },
        { t, registerId: '2A91', value: 0 },
        { t, registerId: '1A20', value: 0 },
      );
    }
    rows.push({ t: T0, registerId: '0002', value: 'NaN' });
    const { series, issues } = mapRows(thermia, rows);
    const m = computePeriodMetrics({ series, range: { from: T0, to: T0 + 120 * MIN }, issues });
    // 13.5 kWh of heat for 2.7 kWh: COP 5.
    close(valueOf(m.cop.includingStandby), 5);
    close(valueOf(m.runtime.compressorHeatingPct), 50);
    assert.equal(m.dataQuality.issues.nan, 1);
    assert.equal(m.dataQuality.issues.duplicate_timestamp, 0);
  });

  it('missing roles: figures are unavailable with reasons, nothing is invented', () => {
    const m = computePeriodMetrics({ series: { outdoor_temp: SCENARIO_A.brine_in_temp! }, range: RANGE });
    for (const f of [
      m.cop.includingStandby,
      m.energy.heat,
      m.energy.electricity,
      m.runtime.idlePct,
      m.energyFlow,
      m.deltaT.brine,
    ]) {
      assert.equal(f.status, 'unavailable');
    }
    assert.equal(m.spf.boundary, null);
    assert.ok(m.dataQuality.missingRoles.includes('compressor'));
  });

  it('bad input is counted, never thrown: unsorted, NaN, strings, nulls, empty and inverted ranges', () => {
    const dirty = {
      compressor: [
        { t: T0 + 10 * MIN, v: 1 },
        { t: T0, v: 0 },
        { t: T0 + 20 * MIN, v: Number.NaN },
        { t: T0 + 30 * MIN, v: '1' },
        null,
      ],
      valve: 'not an array',
      nonsense: [{ t: 1, v: 1 }],
    } as unknown as SeriesByRole;
    const m = computePeriodMetrics({ series: dirty, range: RANGE, options: { staleMs: -5 } as never });
    assert.equal(m.dataQuality.issues.out_of_order, 1);
    assert.equal(m.dataQuality.issues.nan, 1);
    assert.equal(m.dataQuality.issues.bad_timestamp, 1);
    assert.deepEqual(m.optionProblems, ['staleMs: expected a positive number, got -5']);
    const inverted = computePeriodMetrics({ series: SCENARIO_A, range: { from: RANGE.to, to: RANGE.from } });
    assert.equal(inverted.cop.includingStandby.status, 'unavailable');
    assert.equal(inverted.runtime.coveragePct.status, 'unavailable');
  });

  it('property: never throws and is plain JSON for arbitrary signal sets', () => {
    fc.assert(
      fc.property(arbSeries(), (series) => {
        const m = computePeriodMetrics({ series, range: RANGE, options: { staleMs: 20 * MIN } });
        assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
      }),
      { numRuns: 40 },
    );
  });

  it('property: results do not depend on row order (after sorting) or on duplicated rows', () => {
    fc.assert(
      fc.property(arbSeries(), fc.func(fc.integer()), (series, order) => {
        const rows = rowsOf(series);
        const reference = computePeriodMetrics({ series: mapRows(generic, rows).series, range: RANGE });
        const shuffled = [...rows].sort((a, b) => order(a) - order(b));
        const sorted = mapRows(generic, shuffled, { outOfOrder: 'sort' });
        const fromShuffled = computePeriodMetrics({ series: sorted.series, range: RANGE });
        assert.deepEqual(fromShuffled, reference);
        const doubled = mapRows(
          generic,
          rows.flatMap((r) => [r, r]),
        );
        assert.equal(doubled.issues.duplicate_timestamp, rows.length);
        assert.deepEqual(computePeriodMetrics({ series: doubled.series, range: RANGE }), reference);
      }),
      { numRuns: 30 },
    );
  });
});
