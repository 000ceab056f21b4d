import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_METRIC_OPTIONS,
  checkMetricOptions,
  resolveMetricOptions,
  staleMsFor,
} from '../../../src/index.js';

describe('metric options', () => {
  it('defaults: flow factor 2.7 kW/K, Stockholm, ground source, Carnot offsets 2 K / 6 K', () => {
    assert.equal(DEFAULT_METRIC_OPTIONS.flowFactorKwPerK, 2.7);
    assert.equal(DEFAULT_METRIC_OPTIONS.timeZone, 'Europe/Stockholm');
    assert.equal(DEFAULT_METRIC_OPTIONS.sourceType, 'ground');
    assert.equal(DEFAULT_METRIC_OPTIONS.condensingOffsetK, 2);
    assert.equal(DEFAULT_METRIC_OPTIONS.evaporatingOffsetK, 6);
    assert.equal(DEFAULT_METRIC_OPTIONS.minHotWaterCycleMs, 120_000);
    assert.deepEqual(resolveMetricOptions(), DEFAULT_METRIC_OPTIONS);
  });

  it('keeps valid values and replaces invalid ones with defaults, naming each problem', () => {
    const { options, problems } = checkMetricOptions({
      flowFactorKwPerK: 3.1,
      staleMs: -1,
      shortCycleMs: Number.NaN,
      sourceType: 'water' as never,
      timeZone: 'Nowhere/Else',
      counterWrapKwh: 0,
      heatIncludesAux: 'yes' as never,
      staleMsByRole: { valve: 3_600_000, alarm_code: -5 },
      heatingSeason: { startMonth: 13, startDay: 1, endMonth: 5, endDay: 31 },
      electricityScope: 'heat_pump',
      kpiPeriod: '30d',
    });
    assert.equal(options.flowFactorKwPerK, 3.1);
    assert.equal(options.staleMs, DEFAULT_METRIC_OPTIONS.staleMs);
    assert.equal(options.sourceType, 'ground');
    assert.equal(options.electricityScope, 'heat_pump');
    assert.equal(options.kpiPeriod, '30d');
    assert.deepEqual(options.staleMsByRole, { valve: 3_600_000 });
    assert.equal(staleMsFor('valve', options), 3_600_000);
    assert.equal(staleMsFor('compressor', options), DEFAULT_METRIC_OPTIONS.staleMs);
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      [
        'staleMs',
        'shortCycleMs',
        'sourceType',
        'heatIncludesAux',
        'timeZone',
        'counterWrapKwh',
        'staleMsByRole.alarm_code',
        'heatingSeason',
      ],
    );
  });

  it('accepts Infinity for staleMs (hold forever), a wrap range, a season and a zone', () => {
    const { options, problems } = checkMetricOptions({
      staleMs: Infinity,
      counterWrapKwh: 65536,
      heatIncludesAux: true,
      timeZone: 'UTC',
      heatingSeason: { startMonth: 10, startDay: 1, endMonth: 4, endDay: 30 },
    });
    assert.deepEqual(problems, []);
    assert.equal(options.staleMs, Infinity);
    assert.equal(options.counterWrapKwh, 65536);
    assert.equal(options.heatIncludesAux, true);
  });
});
