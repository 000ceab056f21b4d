import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { copView, runtimeView } from '../../../cards/data/card-metrics.js';
import { toCoreSeries } from '../../../cards/data/core-series.js';
import type { TimedSample } from '../../../cards/data/data-source.js';
import { dropRepeats, replaceRepeat } from '../../../cards/data/drop-repeats.js';
import { HA_STALE_MS } from '../../../cards/data/hold-time.js';
import { appendLive } from '../../../cards/data/load-series.js';

const at = (pairs: Array<[number, number]>): TimedSample[] => pairs.map(([t, v]) => ({ t, v }));
const H = 6 * 3_600_000;
const MIN = 60_000;

/** Value held at `t`: the last sample at or before t, while younger than `hold`; else undefined. */
function heldAt(samples: readonly TimedSample[], t: number, hold: number): number | undefined {
  let last: TimedSample | undefined;
  for (const s of samples) if (s.t <= t) last = s;
  return last && t - last.t < hold ? last.v : undefined;
}

/** Straight line between the neighbours of `t` (how a line chart draws it). */
function lineAt(samples: readonly TimedSample[], t: number): number | undefined {
  for (let i = 0; i + 1 < samples.length; i++) {
    const a = samples[i]!;
    const b = samples[i + 1]!;
    if (a.t <= t && t <= b.t) return b.t === a.t ? a.v : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
  }
  return undefined;
}

/** A step series: runs of one value at irregular times, sometimes hours apart. */
const steps = fc
  .array(fc.record({ dt: fc.integer({ min: 1, max: 8 * 60 }), v: fc.constantFrom(0, 1, 2, Number.NaN) }), {
    minLength: 0,
    maxLength: 60,
  })
  .map((rows) => {
    let t = 0;
    return rows.map((r) => ({ t: (t += r.dt * MIN), v: r.v }));
  });

describe('dropRepeats', () => {
  it('drops the middle of equal runs and keeps each run end and every change', () => {
    const input = at([
      [0, 1],
      [30, 1],
      [60, 1],
      [90, 0],
      [120, 0],
      [150, 0],
      [180, 1],
    ]);
    expect(dropRepeats(input, H).map((s) => s.t)).to.deep.equal([0, 60, 90, 150, 180]);
  });

  it('keeps a repeat once the hold would not reach the next sample, and never drops gaps', () => {
    const hourly = at([
      [0, 1],
      [4 * 3_600_000, 1],
      [8 * 3_600_000, 1],
      [12 * 3_600_000, 1],
    ]);
    // Nothing to drop: the very same array comes back (no copy).
    expect(dropRepeats(hourly, H)).to.equal(hourly);
    expect(dropRepeats(hourly, 9 * 3_600_000).map((s) => s.t / 3_600_000)).to.deep.equal([0, 8, 12]);
    const gaps = at([
      [0, Number.NaN],
      [1, Number.NaN],
      [2, Number.NaN],
    ]);
    expect(dropRepeats(gaps, H)).to.equal(gaps);
  });

  it('changes neither the held value (with staleness) nor the drawn line at any time', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 30, max: 12 * 60 }), (samples, holdMin) => {
        const hold = holdMin * MIN;
        const kept = dropRepeats(samples, hold);
        expect(kept.length).to.be.at.most(samples.length);
        const end = (samples.at(-1)?.t ?? 0) + hold + MIN;
        for (let t = 0; t <= end; t += 7 * MIN) {
          expect(heldAt(kept, t, hold)).to.deep.equal(heldAt(samples, t, hold));
          expect(lineAt(kept, t)).to.deep.equal(lineAt(samples, t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same runtime and COP figures from the core as the full series', () => {
    // 30 s logger rows for two days: compressor and valve repeat their state on every row.
    const from = Date.UTC(2026, 0, 10);
    const to = from + 2 * 86_400_000;
    const rows = (to - from) / 30_000;
    const compressor: TimedSample[] = [];
    const valve: TimedSample[] = [];
    const elec: TimedSample[] = [];
    const heat: TimedSample[] = [];
    let e = 100;
    let q = 300;
    for (let i = 0; i < rows; i++) {
      const t = from + i * 30_000;
      const on = Math.floor(i / 97) % 3 !== 0 ? 1 : 0;
      const hw = Math.floor(i / 401) % 5 === 0 ? 1 : 0;
      e += on ? 0.0125 : 0.0005;
      q += on ? 0.04 + 0.005 * Math.sin(i / 50) : 0;
      compressor.push({ t, v: on });
      valve.push({ t, v: hw });
      elec.push({ t, v: e });
      heat.push({ t, v: q });
    }
    const full = { compressor, hot_water_mode: valve, electrical_energy: elec, heat_energy: heat };
    const slim = Object.fromEntries(
      Object.entries(full).map(([role, list]) => [role, dropRepeats(list, HA_STALE_MS)]),
    ) as typeof full;
    expect(slim.compressor.length).to.be.lessThan(compressor.length / 20);
    expect(slim.heat_energy.length).to.be.lessThan(heat.length);
    const range = { from, to, timeZone: 'UTC' };
    const a = runtimeView(toCoreSeries(full, { auxFromState: true }), range);
    const b = runtimeView(toCoreSeries(slim, { auxFromState: true }), range);
    expect('heating' in a && 'heating' in b).to.equal(true);
    for (const k of ['heating', 'hotWater', 'auxHeater', 'idle'] as const) {
      expect((b as Record<string, number>)[k]).to.be.closeTo((a as Record<string, number>)[k]!, 1e-9);
    }
    const copA = copView(toCoreSeries(full), { ...range, bucketMs: 3_600_000 });
    const copB = copView(toCoreSeries(slim), { ...range, bucketMs: 3_600_000 });
    expect(copA.period.status).to.not.equal('unavailable');
    expect(copB.period.status).to.equal(copA.period.status);
    expect((copB.period as { value: number }).value).to.be.closeTo(
      (copA.period as { value: number }).value,
      1e-9,
    );
    expect(copB.intervalCop.length).to.equal(copA.intervalCop.length);
    copA.intervalCop.forEach((p, i) => {
      const q2 = copB.intervalCop[i]!;
      expect(q2.t).to.equal(p.t);
      if (p.v === null) expect(q2.v).to.equal(null);
      else expect(q2.v!).to.be.closeTo(p.v, 1e-9);
    });
  });
});

describe('live repeats', () => {
  it('replace the previous repeat instead of growing the series, within the hold time', () => {
    const samples = at([
      [0, 0],
      [1000, 1],
    ]);
    const live = (t: number, value: number) => ({
      entityId: 'x',
      state: String(value),
      value,
      t,
      attributes: {},
    });
    expect(appendLive(samples, live(2000, 1))).to.equal(true);
    expect(appendLive(samples, live(3000, 1))).to.equal(true);
    expect(appendLive(samples, live(4000, 1))).to.equal(true);
    // 1000 starts the run, 4000 is the newest repeat; 2000 and 3000 were replaced in turn.
    expect(samples.map((s) => s.t)).to.deep.equal([0, 1000, 4000]);
    expect(appendLive(samples, live(5000, 0))).to.equal(true);
    expect(samples.map((s) => [s.t, s.v])).to.deep.equal([
      [0, 0],
      [1000, 1],
      [4000, 1],
      [5000, 0],
    ]);
    // A repeat beyond the hold time is kept: it refreshes a value that would otherwise go stale.
    const run = at([
      [0, 1],
      [1000, 1],
    ]);
    expect(replaceRepeat(run, { t: HA_STALE_MS + 1, v: 1 }, HA_STALE_MS)).to.equal(false);
  });
});
