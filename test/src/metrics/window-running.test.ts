import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLedger, energyFromLedger, ranInWindow, resolveMetricOptions } from '../../../src/index.js';
import type { Series, SeriesByRole } from '../../../src/index.js';
import { MIN, T0, at, close, valueOf } from '../fixtures.js';

const W = 5 * MIN;
const values = (s: Series) => s.map((x) => [(x.t - T0) / MIN, x.v, x.gap === true]);

/** What InfluxDB's aggregateWindow does: windows stamped with their start, last or mean. */
function aggregate(raw: Series, fn: 'last' | 'mean', windowMs: number): Series {
  const byWindow = new Map<number, number[]>();
  for (const s of raw) {
    const w = Math.floor(s.t / windowMs) * windowMs;
    byWindow.set(w, [...(byWindow.get(w) ?? []), s.v]);
  }
  return [...byWindow].map(([t, vs]) => ({
    t,
    v: fn === 'last' ? vs[vs.length - 1]! : vs.reduce((a, b) => a + b, 0) / vs.length,
  }));
}

describe('ranInWindow (compressor ran at some time in an aggregation window)', () => {
  it('a window whose last state is off but which started on counts as running', () => {
    const s = at([
      [0, 0],
      [5, 1],
      [10, 1],
      [15, 0],
      [20, 0],
    ]);
    assert.deepEqual(values(ranInWindow(s, W)), [
      [0, 0, false],
      [5, 1, false],
      [10, 1, false],
      [15, 1, false],
      [20, 0, false],
      [25, 0, false],
    ]);
  });

  it('an empty window after a stop starts in the stopped state: the 1 is not carried on', () => {
    const s = at([
      [0, 1],
      [5, 0],
      [20, 0],
    ]);
    assert.deepEqual(values(ranInWindow(s, W)), [
      [0, 1, false],
      [5, 1, false],
      [10, 0, false],
      [20, 0, false],
      [25, 0, false],
    ]);
  });

  it('a gap marker breaks the chain and stays a gap marker', () => {
    const s: Series = [...at([[0, 1]]), { t: T0 + 5 * MIN, v: 0, gap: true }, ...at([[10, 0]])];
    assert.deepEqual(values(ranInWindow(s, W)), [
      [0, 1, false],
      [5, 0, true],
      [10, 0, false],
      [15, 0, false],
    ]);
  });

  it('raw samples (window 0) are returned unchanged', () => {
    const s = at([
      [0, 1],
      [1, 0],
    ]);
    assert.equal(ranInWindow(s, 0), s);
  });
});

describe('flow-factor heat from aggregated windows', () => {
  // Raw 30 s log: the compressor runs 2 .. 13 min with supply - return = 5 K, 0 K while off.
  const times = Array.from({ length: 60 }, (_, i) => i * 30_000);
  const on = (t: number) => t >= 2 * MIN && t < 13 * MIN;
  const raw: SeriesByRole = {
    compressor: times.map((t) => ({ t: T0 + t, v: on(t) ? 1 : 0 })),
    supply_temp: times.map((t) => ({ t: T0 + t, v: on(t) ? 40 : 35 })),
    return_temp: times.map((t) => ({ t: T0 + t, v: 35 })),
  };
  const range = { from: T0, to: T0 + 30 * MIN };
  const heat = (series: SeriesByRole, sampleWindowMs: number) =>
    valueOf(
      energyFromLedger(
        buildLedger(series, { range, options: resolveMetricOptions({ staleMs: 20 * MIN, sampleWindowMs }) }),
      ).heat,
    );
  const expected = 2.7 * 5 * (11 / 60); // kW/K x K x h

  it('raw samples give flow factor x ΔT x running time', () => {
    close(heat(raw, 0), expected);
  });

  it('5 min windows (compressor last, temperatures mean) give the same heat when told the window', () => {
    const agg: SeriesByRole = {
      compressor: aggregate(raw.compressor!, 'last', W),
      supply_temp: aggregate(raw.supply_temp!, 'mean', W),
      return_temp: aggregate(raw.return_temp!, 'mean', W),
    };
    close(heat(agg, W), expected);
    // Without the window the stop window (10 .. 15 min, last state off) is dropped: the defect fixed.
    const naive = heat(agg, 0);
    close(naive, 2.7 * 5 * (8 / 60));
    assert.ok(naive < 0.75 * expected);
  });
});
