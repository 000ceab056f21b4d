import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildLedger, energyFlowFromLedger, resolveMetricOptions } from '../../../src/index.js';
import type { EnergyFlow, FlowNodeId, SeriesByRole } from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import {
  MIN,
  SCENARIO_A,
  SCENARIO_A_ELEC,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  T0,
  at,
  close,
} from '../fixtures.js';

const flowOf = (series: SeriesByRole, options = {}, range = SCENARIO_A_RANGE) =>
  energyFlowFromLedger(
    buildLedger(series, { range, options: resolveMetricOptions({ ...SCENARIO_A_OPTIONS, ...options }) }),
  );

function link(flow: EnergyFlow, source: FlowNodeId, target: FlowNodeId): number {
  return flow.links.find((l) => l.source === source && l.target === target)?.kwh ?? 0;
}

function assertBalanced(flow: EnergyFlow): void {
  const inflow = (id: FlowNodeId) => flow.links.filter((l) => l.target === id).reduce((s, l) => s + l.kwh, 0);
  const outflow = (id: FlowNodeId) =>
    flow.links.filter((l) => l.source === id).reduce((s, l) => s + l.kwh, 0);
  for (const l of flow.links) assert.ok(l.kwh > 0);
  for (const node of flow.nodes) {
    if (node.id === 'compressor' || node.id === 'aux_heater') {
      close(inflow(node.id), outflow(node.id), 1e-9);
      close(node.kwh, inflow(node.id), 1e-9);
    } else if (node.id === 'electricity' || node.id === 'ambient') close(outflow(node.id), node.kwh, 1e-9);
    else close(inflow(node.id), node.kwh, 1e-9);
  }
  const sources = flow.nodes
    .filter((n) => n.id === 'electricity' || n.id === 'ambient')
    .reduce((s, n) => s + n.kwh, 0);
  const sinks = flow.nodes
    .filter((n) => n.id === 'space_heating' || n.id === 'hot_water' || n.id === 'losses')
    .reduce((s, n) => s + n.kwh, 0);
  close(sources, sinks, 1e-9);
}

describe('energy flow', () => {
  it('golden scenario A: electricity + ambient -> compressor / aux -> space heating / hot water', () => {
    const f = flowOf(SCENARIO_A);
    if (f.status === 'unavailable') return assert.fail(f.reason);
    assert.equal(f.status, 'estimated');
    const flow = f.value;
    close(link(flow, 'electricity', 'compressor'), SCENARIO_A_ELEC - 1.75);
    close(link(flow, 'electricity', 'aux_heater'), 1.75);
    close(link(flow, 'ambient', 'compressor'), 20.25 - (SCENARIO_A_ELEC - 1.75));
    close(link(flow, 'compressor', 'space_heating'), 13.5);
    close(link(flow, 'compressor', 'hot_water'), 6.75);
    close(link(flow, 'aux_heater', 'space_heating'), 1.75);
    assert.equal(link(flow, 'aux_heater', 'hot_water'), 0);
    assert.equal(
      flow.nodes.some((n) => n.id === 'losses'),
      false,
    );
    assertBalanced(flow);
  });

  it('COP below 1 (standby summer day) flows to losses; nothing is clamped or forced', () => {
    const series = { heat_power: at([[0, 200]]), electrical_power: at([[0, 500]]), valve: at([[0, 0]]) };
    const f = flowOf(series, { staleMs: Infinity }, { from: T0, to: T0 + 60 * MIN });
    if (f.status === 'unavailable') assert.fail(f.reason);
    assert.deepEqual(f.status, 'estimated');
    close(link(f.value, 'compressor', 'losses'), 0.3);
    close(link(f.value, 'compressor', 'space_heating'), 0.2);
    assert.equal(link(f.value, 'ambient', 'compressor'), 0);
    assertBalanced(f.value);
  });

  it('meter without aux (heat_pump scope): electricity = E + A; unknown valve is reported', () => {
    const f = flowOf({ ...SCENARIO_A, valve: undefined }, { electricityScope: 'heat_pump' });
    if (f.status === 'unavailable') assert.fail(f.reason);
    close(f.value.nodes.find((n) => n.id === 'electricity')?.kwh ?? 0, SCENARIO_A_ELEC + 1.75);
    close(f.value.unattributedKwh, 22);
    assert.match((f as { basis: string }).basis, /unknown valve position/);
  });

  it('unknown heat or electricity: the flow says so', () => {
    assert.match(
      (flowOf({ electrical_power: SCENARIO_A.electrical_power! }) as { reason: string }).reason,
      /no heat signal/,
    );
    assert.match(
      (flowOf({ ...SCENARIO_A, electrical_power: undefined }) as { reason: string }).reason,
      /no electricity signal/,
    );
    const disjoint = { heat_power: at([[0, 1000]]), electrical_power: at([[100, 1000]]) };
    assert.match(
      (flowOf(disjoint, { staleMs: MIN }) as { reason: string }).reason,
      /both heat and electricity/,
    );
    const auxTooBig = {
      heat_power: at([[-10, 5000]]),
      electrical_power: at([[-10, 1000]]),
      aux_heater: at([[-10, 6]]),
    };
    assert.match((flowOf(auxTooBig) as { reason: string }).reason, /aux heater estimate exceeds/);
    const meterWithAux = {
      heat_power: at([[-10, 1000]]),
      electrical_power: at([[-10, 9000]]),
      aux_heater: at([[-10, 6]]),
    };
    assert.match(
      (flowOf(meterWithAux, { heatIncludesAux: true }) as { reason: string }).reason,
      /heat below the aux heater estimate/,
    );
  });

  it('property: every flow balances at every node and has no negative link', () => {
    fc.assert(
      fc.property(arbSeries(), fc.constantFrom('unit', 'heat_pump', 'compressor'), (series, scope) => {
        const f = flowOf(
          series,
          { staleMs: 20 * MIN, electricityScope: scope },
          { from: T0, to: T0 + 240 * MIN },
        );
        if (f.status !== 'unavailable') assertBalanced(f.value);
      }),
      { numRuns: 80 },
    );
  });
});
