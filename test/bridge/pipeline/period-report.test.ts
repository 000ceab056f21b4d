import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Figure } from '../../../src/model/index.js';
import { buildPeriodReport } from '../../../bridge/pipeline/period-report.js';
import { formatPeriodReport } from '../../../bridge/pipeline/report-text.js';
import { exampleReportInput } from '../fixtures/day-series.js';

const value = (f: Figure): number => {
  assert.notEqual(f.status, 'unavailable', JSON.stringify(f));
  return (f as { value: number }).value;
};
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

describe('buildPeriodReport (report --json)', () => {
  const report = buildPeriodReport(exampleReportInput());
  // One day of the fixture pump (day-series.ts): 820 running minutes, 40 aux minutes at 3 kW.
  const heat = (820 / 60) * 13.5 + 2;
  const elec = (820 / 60) * 3 + (620 / 60) * 0.05 + 2;

  it('has the schema, range and source of the request', () => {
    assert.equal(report.schema, 'heatpump-bridge/report@1');
    assert.deepEqual(report.range, { from: '2025-01-14T12:00:00.000Z', to: '2025-01-15T12:00:00.000Z' });
    assert.deepEqual(report.source, { kind: 'influxdb-flux', rows: 13_500, window_seconds: 60 });
    assert.equal(report.energy_sources.heat?.kind, 'flow_factor');
    assert.equal(report.energy_sources.electricity?.kind, 'power');
  });

  it('energies and COPs are Σ heat / Σ electricity, rounded to 6 decimals', () => {
    assert.equal(value(report.energy_kwh.heat), r6(heat));
    assert.equal(value(report.energy_kwh.heat_pump_heat), r6((820 / 60) * 13.5));
    assert.equal(value(report.energy_kwh.heat_hot_water), 13.5);
    assert.equal(value(report.energy_kwh.aux_heater), 2);
    assert.equal(value(report.energy_kwh.electricity), r6(elec));
    assert.equal(value(report.energy_kwh.electricity_standby), r6((580 / 60) * 0.05));
    assert.equal(value(report.cop.including_standby), r6(heat / elec));
    assert.equal(value(report.cop.hot_water), 4.5);
    assert.equal(value(report.spf.value), r6(heat / elec));
    assert.equal(report.spf.boundary, 'H4');
  });

  it('runtime shares, cycles and hot-water cycles', () => {
    assert.equal(value(report.runtime.compressor_share_pct), r6((820 / 1440) * 100));
    assert.equal(value(report.runtime.aux_heater_share_pct), r6((40 / 1440) * 100));
    assert.equal(value(report.runtime.hot_water_share_pct), r6((60 / 1440) * 100));
    const exclusive = ['compressor_heating_pct', 'hot_water_share_pct', 'aux_only_pct', 'idle_pct'] as const;
    // The exclusive categories cover the known time (each rounded to 6 decimals).
    assert.ok(Math.abs(exclusive.reduce((sum, k) => sum + value(report.runtime[k]), 0) - 100) < 1e-5);
    assert.deepEqual(
      [report.cycles.starts, report.cycles.short_cycles, report.cycles.complete_cycles].map(value),
      [24, 4, 24],
    );
    assert.equal(value(report.cycles.mean_cycle_minutes), r6(820 / 24));
    assert.equal(value(report.hot_water_cycles.count), 3);
    assert.equal(value(report.hot_water_cycles.mean_duration_minutes), 20);
    assert.deepEqual([value(report.delta_t.supply_return_k), value(report.delta_t.brine_k)], [5, 3]);
  });

  it('the energy flow balances at every inner node', () => {
    assert.notEqual(report.energy_flow.status, 'unavailable');
    const flow = (
      report.energy_flow as { value: { links: { source: string; target: string; kwh: number }[] } }
    ).value;
    const sum = (pick: (l: { source: string; target: string }) => boolean): number =>
      r6(flow.links.filter(pick).reduce((s, l) => s + l.kwh, 0));
    for (const node of ['compressor', 'aux_heater'])
      assert.equal(
        sum((l) => l.target === node),
        sum((l) => l.source === node),
        node,
      );
    assert.equal(
      sum((l) => l.source === 'electricity'),
      r6(elec),
    );
  });

  it('data quality per role and the skipped samples passed in', () => {
    assert.equal(report.data_quality.roles.length, 9);
    assert.ok(report.data_quality.roles.every((r) => r.coverage_pct === 100 && !r.stale));
    assert.equal(report.data_quality.skipped_samples, 13);
    assert.equal(report.data_issues.unknown_register, 12);
  });

  it('the text form names every headline figure', () => {
    const text = formatPeriodReport(report);
    assert.match(text, /^Heat pump report 2025-01-14T12:00:00\.000Z \.\. 2025-01-15T12:00:00\.000Z/);
    assert.match(text, new RegExp(`COP incl\\. standby ${(heat / elec).toFixed(2)} \\(estimated\\)`));
    assert.match(text, /starts 24 \(1\.00 1\/h\); mean cycle 34\.2 min; short cycles 4/);
    assert.match(text, /hot-water cycles 3; mean 20\.0 min/);
  });
});
