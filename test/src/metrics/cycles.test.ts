import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLedger,
  cyclesFromLedger,
  hotWaterCyclesFromLedger,
  resolveMetricOptions,
} from '../../../src/index.js';
import type { SeriesByRole } from '../../../src/index.js';
import {
  MIN,
  SCENARIO_A,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  T0,
  at,
  close,
  valueOf,
} from '../fixtures.js';

const ledger = (series: SeriesByRole, options = {}, range = SCENARIO_A_RANGE) =>
  buildLedger(series, { range, options: resolveMetricOptions({ ...SCENARIO_A_OPTIONS, ...options }) });

describe('compressor cycles', () => {
  it('golden scenario A: 2 starts (one exactly at the range start), cycles of 60 and 30 min', () => {
    const c = cyclesFromLedger(ledger(SCENARIO_A));
    assert.equal(valueOf(c.starts), 2);
    close(valueOf(c.startsPerHour), 0.5);
    assert.equal(valueOf(c.completeCycles), 2);
    close(valueOf(c.meanCycleMinutes), 45);
    assert.equal(valueOf(c.shortCycles), 0);
    assert.equal(valueOf(cyclesFromLedger(ledger(SCENARIO_A, { shortCycleMs: 45 * MIN })).shortCycles), 1);
  });

  it('short cycling: irregular change-only log, 4 starts, cycles 3, 8 and 20 min', () => {
    const series = {
      compressor: at([
        [0, 0],
        [10, 1],
        [13, 0],
        [20, 1],
        [28, 0],
        [40, 1],
        [60, 0],
        [80, 1],
      ]),
    };
    const c = cyclesFromLedger(ledger(series, {}, { from: T0, to: T0 + 100 * MIN }));
    assert.equal(valueOf(c.starts), 4);
    assert.equal(valueOf(c.completeCycles), 3);
    close(valueOf(c.meanCycleMinutes), (3 + 8 + 20) / 3);
    assert.equal(valueOf(c.shortCycles), 2);
    close(valueOf(c.startsPerHour), 4 / (100 / 60));
  });

  it('a data gap breaks a cycle: neither a start nor a cycle is invented across it', () => {
    // staleMs 15 min: on at 0 (held 0-15), gap, on at 40 again: not a start.
    const c = cyclesFromLedger(
      ledger(
        {
          compressor: at([
            [-5, 0],
            [0, 1],
            [40, 1],
            [50, 0],
          ]),
        },
        { staleMs: 15 * MIN },
        { from: T0, to: T0 + 60 * MIN },
      ),
    );
    assert.equal(valueOf(c.starts), 1);
    assert.equal(valueOf(c.completeCycles), 0);
    assert.equal(c.meanCycleMinutes.status, 'unavailable');
    assert.equal(cyclesFromLedger(ledger({})).starts.status, 'unavailable');
  });
});

describe('hot-water cycles', () => {
  it('golden scenario A: one 30 min cycle with 6.75 kWh heat and 1.25 kWh electricity', () => {
    const h = hotWaterCyclesFromLedger(ledger(SCENARIO_A));
    assert.equal(valueOf(h.count), 1);
    close(valueOf(h.perDay), 6);
    close(valueOf(h.meanDurationMinutes), 30);
    close(valueOf(h.meanHeatKwh), 6.75);
    close(valueOf(h.meanElecKwh), 1.25);
    assert.deepEqual(
      h.cycles.map((c) => [(c.start - T0) / MIN, (c.end - T0) / MIN]),
      [[120, 150]],
    );
  });

  it('valve flicker shorter than the minimum is dropped; unfinished cycles are not counted', () => {
    const series = {
      ...SCENARIO_A,
      valve: at([
        [-10, 0],
        [20, 1],
        [21, 0],
        [120, 1],
        [150, 0],
        [230, 1],
      ]),
    };
    const h = hotWaterCyclesFromLedger(ledger(series));
    assert.equal(valueOf(h.count), 1);
    const all = hotWaterCyclesFromLedger(ledger(series, { minHotWaterCycleMs: 0 }));
    assert.equal(valueOf(all.count), 2);
  });

  it('unknown energy is null per cycle; no valve signal is unavailable', () => {
    const h = hotWaterCyclesFromLedger(
      ledger({ valve: SCENARIO_A.valve!, compressor: SCENARIO_A.compressor! }),
    );
    assert.equal(h.cycles[0]?.heatKwh, null);
    assert.equal(h.cycles[0]?.elecKwh, null);
    assert.equal(h.meanHeatKwh.status, 'unavailable');
    assert.match(
      (hotWaterCyclesFromLedger(ledger({})).count as { reason: string }).reason,
      /no valve signal/,
    );
    const stale = hotWaterCyclesFromLedger(ledger({ valve: at([[-600, 0]]) }, { staleMs: MIN }));
    assert.match((stale.count as { reason: string }).reason, /no valve data in range/);
  });
});
