import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { downsampleMinMax, keepStateChanges, toPairs } from '../../../cards/data/downsample.js';
import type { TimedSample } from '../../../cards/data/data-source.js';

function noisy(n: number): TimedSample[] {
  // Deterministic wave with a single spike and a single dip hidden among 100k points.
  const out: TimedSample[] = [];
  for (let i = 0; i < n; i++) out.push({ t: i * 1000, v: 20 + Math.sin(i / 50) });
  if (n > 77_001) {
    out[31_337] = { t: 31_337_000, v: 95.5 };
    out[77_001] = { t: 77_001_000, v: -40.25 };
  }
  return out;
}

/**
 * The rule written out plainly (the model the property below checks against): group the samples by
 * bucket; each bucket keeps its first lowest, first highest and first gap sample, in time order,
 * each once; the first and the last sample of the series are always kept.
 */
function modelMinMax(samples: TimedSample[], buckets: number, from: number, to: number): TimedSample[] {
  if (samples.length <= buckets * 2) return samples.slice();
  const width = Math.max(1, (to - from) / buckets);
  const groups = new Map<number, TimedSample[]>();
  for (const s of samples) {
    const k = Math.floor((s.t - from) / width);
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const out: TimedSample[] = [];
  for (const group of groups.values()) {
    const values = group.filter((s) => !Number.isNaN(s.v));
    const lowest = values.find((s) => s.v === Math.min(...values.map((x) => x.v)));
    const highest = values.find((s) => s.v === Math.max(...values.map((x) => x.v)));
    const gap = group.find((s) => Number.isNaN(s.v));
    const kept = [...new Set([lowest, highest, gap])].filter((s): s is TimedSample => s !== undefined);
    out.push(...kept.sort((a, b) => a.t - b.t));
  }
  if (out[0] !== samples[0]) out.unshift(samples[0]!);
  if (out.at(-1) !== samples.at(-1)) out.push(samples.at(-1)!);
  return out;
}

describe('downsampleMinMax', () => {
  it('property: keeps exactly the samples of the plain rule (same objects, same order)', () => {
    const arbSamples = fc
      .array(
        fc.record({
          dt: fc.integer({ min: 1, max: 5000 }),
          v: fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ min: -100, max: 100, noNaN: true }),
            fc.constant(Number.NaN),
          ),
        }),
        { minLength: 1, maxLength: 400 },
      )
      .map((steps) => {
        let t = 1_000_000;
        return steps.map(({ dt, v }) => ({ t: (t += dt), v }));
      });
    fc.assert(
      fc.property(
        arbSamples,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (samples, buckets, shift) => {
          const from = samples[0]!.t + shift;
          const to = samples.at(-1)!.t + shift;
          const out = downsampleMinMax(samples, { buckets, from, to });
          const model = modelMinMax(samples, buckets, from, to);
          expect(out.length).to.equal(model.length);
          out.forEach((s, i) => expect(s).to.equal(model[i]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reduces 100k points to at most 2 per bucket and keeps the global min and max', () => {
    const input = noisy(100_000);
    const out = downsampleMinMax(input, { buckets: 800 });
    expect(out.length).to.be.at.most(2 * 800 + 2);
    expect(out.length).to.be.greaterThan(800);
    expect(Math.max(...out.map((s) => s.v))).to.equal(95.5);
    expect(Math.min(...out.map((s) => s.v))).to.equal(-40.25);
    expect(out.find((s) => s.v === 95.5)!.t).to.equal(31_337_000);
  });

  it('keeps time order, the first and the last sample', () => {
    const input = noisy(10_000);
    const out = downsampleMinMax(input, { buckets: 100 });
    for (let i = 1; i < out.length; i++) expect(out[i]!.t).to.be.greaterThan(out[i - 1]!.t);
    expect(out[0]).to.equal(input[0]);
    expect(out[out.length - 1]).to.equal(input[input.length - 1]);
  });

  it('keeps one gap sample per bucket that had a gap, so the line still breaks', () => {
    const input = noisy(10_000);
    input[5000] = { t: 5_000_000, v: Number.NaN };
    const out = downsampleMinMax(input, { buckets: 100 });
    expect(out.filter((s) => Number.isNaN(s.v))).to.have.length(1);
    expect(toPairs(out).some(([, v]) => v === null)).to.equal(true);
  });

  it('returns short series unchanged', () => {
    const input = noisy(100_000).slice(0, 50);
    expect(downsampleMinMax(input, { buckets: 100 })).to.deep.equal(input);
  });
});

describe('keepStateChanges', () => {
  it('keeps exactly the switch times of an on/off signal plus the last sample', () => {
    const input = [0, 0, 1, 1, 1, 0, 0, 1].map((v, i) => ({ t: i * 60_000, v }));
    const out = keepStateChanges(input);
    expect(out.map((s) => [s.t / 60_000, s.v])).to.deep.equal([
      [0, 0],
      [2, 1],
      [5, 0],
      [7, 1],
    ]);
  });

  it('treats consecutive gaps as one state', () => {
    const input = [1, Number.NaN, Number.NaN, 1, 1].map((v, i) => ({ t: i, v }));
    expect(keepStateChanges(input).map((s) => s.t)).to.deep.equal([0, 1, 3, 4]);
  });
});
