import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createGenericProvider,
  generic,
  getProvider,
  ivt,
  mapRows,
  nibe,
  thermia,
} from '../../../src/index.js';

const t = (m: number) => m * 60_000;

describe('mapRows', () => {
  it('Thermia: maps by register id, else by name; aux percent -> kW of 9 kW nominal', () => {
    const { series, issues, unknownKeys } = mapRows(thermia, [
      { t: t(0), registerId: '0007', value: -5.2 },
      { t: t(0), name: 'radiator_forward', value: '35.5' },
      { t: t(0), registerId: '3104', value: 50 },
      { t: t(0), registerId: '1a01', value: 1 },
      { t: t(0), registerId: '0107', value: 21 },
      { t: t(0), registerId: 'FFFF', value: 1 },
      { t: t(0), name: 'mystery', value: 1 },
      { t: t(1), registerId: '0007', value: 'bad' },
    ]);
    assert.deepEqual(series.outdoor_temp, [{ t: 0, v: -5.2 }]);
    assert.deepEqual(series.supply_temp, [{ t: 0, v: 35.5 }]);
    assert.deepEqual(series.aux_heater, [{ t: 0, v: 4.5 }]);
    assert.deepEqual(series.compressor, [{ t: 0, v: 1 }]);
    assert.equal(issues.unknown_register, 2);
    assert.equal(issues.non_numeric, 1);
    assert.deepEqual(unknownKeys, ['FFFF', 'mystery']);
  });

  it('IVT: aux steps 1A02/1A03 = 3 kW + 6 kW summed over time; 3104 is ignored while steps are used', () => {
    const { series } = mapRows(ivt, [
      { t: t(0), registerId: '1A02', value: 0 },
      { t: t(0), registerId: '1A03', value: 0 },
      { t: t(0), registerId: '3104', value: 100 },
      { t: t(5), registerId: '1A02', value: 1 },
      { t: t(10), registerId: '1A03', value: 1 },
      { t: t(15), registerId: '1A02', value: 0 },
      { t: t(20), registerId: '1A03', value: 0 },
    ]);
    assert.deepEqual(
      series.aux_heater?.map((s) => [s.t / 60_000, s.v]),
      [
        [0, 0],
        [5, 3],
        [10, 9],
        [15, 6],
        [20, 0],
      ],
    );
  });

  it('IVT with percent override uses 3104 and the configured nominal power', () => {
    const p = getProvider('ivt', { aux: { kind: 'percent', nominalKw: 9 } });
    const { series } = mapRows(p, [
      { t: t(0), registerId: '1A02', value: 1 },
      { t: t(0), registerId: '3104', value: 33.3 },
    ]);
    assert.ok(Math.abs((series.aux_heater?.[0]?.v ?? 0) - 2.997) < 1e-12);
  });

  it('IVT: BA91 (last alarm) never makes an alarm active; 1A20 does', () => {
    const { series } = mapRows(ivt, [
      { t: t(0), registerId: 'BA91', value: 14 },
      { t: t(0), registerId: '1A20', value: 0 },
    ]);
    assert.deepEqual(series.alarm_code, [{ t: 0, v: 14 }]);
    assert.deepEqual(series.alarm_active, [{ t: 0, v: 0 }]);
    const onlyCode = mapRows(ivt, [{ t: t(0), registerId: 'BA91', value: 14 }]);
    assert.equal(onlyCode.series.alarm_active, undefined);
  });

  it('NIBE: alarm_active derived from the active code 2A20; averaged (fractional) codes are rejected', () => {
    const { series, issues } = mapRows(nibe, [
      { t: t(0), registerId: '2A20', value: 0 },
      { t: t(1), registerId: '2A20', value: 21 },
      { t: t(2), registerId: '2A20', value: 10.5 },
      { t: t(3), registerId: '9124', value: 6 },
      { t: t(3), registerId: '3104', value: 50 },
    ]);
    assert.deepEqual(
      series.alarm_active?.map((s) => s.v),
      [0, 1],
    );
    assert.equal(issues.non_integer_code, 1);
    assert.deepEqual(series.aux_heater, [{ t: t(3), v: 6 }]);
  });

  it('states are normalised to 0/1; valve uses the brand hot-water values', () => {
    const p = getProvider('nibe', { valve: { hotWaterValues: [20], description: 'priority' } });
    const { series } = mapRows(p, [
      { t: t(0), registerId: '1A07', value: 20 },
      { t: t(1), registerId: '1A07', value: 30 },
      { t: t(0), registerId: '1A01', value: 2 },
      { t: t(0), registerId: '1A04', value: 'on' },
    ]);
    assert.deepEqual(
      series.valve?.map((s) => s.v),
      [1, 0],
    );
    assert.deepEqual(series.compressor, [{ t: 0, v: 1 }]);
    assert.deepEqual(series.brine_pump, [{ t: 0, v: 1 }]);
  });

  it('compressor by speed: derived from compressor_speed above the threshold', () => {
    const p = getProvider('nibe', {
      compressor: { kind: 'speed', threshold: 5 },
      registers: { '1A01': { role: null } },
    });
    const { series } = mapRows(p, [
      { t: t(0), registerId: '9108', value: 3 },
      { t: t(1), registerId: '9108', value: 40 },
      { t: t(2), registerId: '1A01', value: 1 },
    ]);
    assert.deepEqual(
      series.compressor?.map((s) => s.v),
      [0, 1],
    );
  });

  it('generic: rows keyed by role, with scale, offset and on-threshold', () => {
    const p = createGenericProvider(
      {
        aux_heater: { unit: 'W', scale: 0.001 },
        indoor_temp: { offset: -0.5 },
        compressor: { unit: 'Hz', onThreshold: 10 },
      },
      { displayName: 'My pump', compressor: { kind: 'onOff' } },
    );
    const { series } = mapRows(p, [
      { t: t(0), name: 'aux_heater', value: 3000 },
      { t: t(0), name: 'indoor_temp', value: 21.5 },
      { t: t(0), name: 'compressor', value: 42 },
      { t: t(1), name: 'compressor', value: 8 },
      { t: t(0), registerId: 'valve', value: 'on' },
    ]);
    assert.deepEqual(series.aux_heater, [{ t: 0, v: 3 }]);
    assert.deepEqual(series.indoor_temp, [{ t: 0, v: 21 }]);
    assert.deepEqual(
      series.compressor?.map((s) => s.v),
      [1, 0],
    );
    assert.deepEqual(series.valve, [{ t: 0, v: 1 }]);
    assert.equal(p.displayName, 'My pump');
    assert.equal(p.registers.find((r) => r.role === 'aux_heater')?.unit, 'W');
  });

  it('generic: aux as percent or step count is converted to kW; invalid mapping numbers throw', () => {
    const pct = createGenericProvider({}, { aux: { kind: 'percent', nominalKw: 6 } });
    assert.deepEqual(mapRows(pct, [{ t: 0, name: 'aux_heater', value: 50 }]).series.aux_heater, [
      { t: 0, v: 3 },
    ]);
    const steps = createGenericProvider({}, { aux: { kind: 'steps', stepKw: [2, 4, 6] } });
    assert.deepEqual(
      mapRows(steps, [
        { t: 0, name: 'aux_heater', value: 2 },
        { t: 1, name: 'aux_heater', value: 7 },
      ]).series.aux_heater?.map((s) => s.v),
      [6, 12],
    );
    assert.throws(() => createGenericProvider({ supply_temp: { scale: Number.NaN } }), /supply_temp.scale/);
  });

  it('a value its scale pushes past the float range is counted as non_finite, not kept', () => {
    const p = createGenericProvider({ supply_temp: { scale: 10 } });
    const { series, issues } = mapRows(p, [
      { t: 0, name: 'supply_temp', value: 1e308 },
      { t: 1, name: 'supply_temp', value: 3.5 },
    ]);
    assert.deepEqual(series.supply_temp, [{ t: 1, v: 35 }]);
    assert.equal(issues.non_finite, 1);
  });

  it('rows of one key in a run and rows of alternating keys map alike (the lookup is cached per run)', () => {
    const runs = [
      { t: 0, registerId: '0007', value: 1 },
      { t: 1, registerId: '0007', value: 2 },
      { t: 0, name: 'radiator_forward', value: 30 },
      { t: 1, name: 'radiator_forward', value: 31 },
      { t: 2, registerId: 'FFFF', value: 1 },
      { t: 3, registerId: 'FFFF', value: 1 },
      { t: 2, registerId: '0007', value: 3 },
    ];
    const interleaved = [runs[0]!, runs[2]!, runs[1]!, runs[3]!, runs[4]!, runs[6]!, runs[5]!];
    const a = mapRows(thermia, runs);
    const b = mapRows(thermia, interleaved);
    assert.deepEqual(a.series, b.series);
    assert.deepEqual(a.issues, b.issues);
    assert.deepEqual(
      a.series.outdoor_temp?.map((s) => s.v),
      [1, 2, 3],
    );
    assert.deepEqual(
      a.series.supply_temp?.map((s) => s.v),
      [30, 31],
    );
    assert.equal(a.issues.unknown_register, 2);
  });

  it('a signal whose every row is bad is missing, not an empty series (aux steps too)', () => {
    const { series, issues } = mapRows(ivt, [
      { t: 0, registerId: '0007', value: 'bad' },
      { t: 0, registerId: '1A02', value: null },
      { t: 1, registerId: '1A03', value: 'x' },
    ]);
    assert.deepEqual(Object.keys(series), []);
    assert.equal(issues.non_numeric, 2);
    assert.equal(issues.missing_value, 1);
  });

  it('bad rows are counted, never thrown; out-of-order rows per role are skipped', () => {
    const { series, issues } = mapRows(generic, [
      { t: 2, name: 'outdoor_temp', value: 1 },
      { t: 1, name: 'outdoor_temp', value: 2 },
      { t: 2, name: 'outdoor_temp', value: 3 },
      { t: Number.NaN, name: 'outdoor_temp', value: 3 },
      { t: 3, name: 'outdoor_temp', value: null },
      { t: 4, value: 1 },
      null as never,
    ]);
    assert.deepEqual(series.outdoor_temp, [{ t: 2, v: 1 }]);
    assert.equal(issues.out_of_order, 1);
    assert.equal(issues.duplicate_timestamp, 1);
    assert.equal(issues.bad_timestamp, 1);
    assert.equal(issues.missing_value, 1);
    assert.equal(issues.unknown_register, 2);
  });
});
