import { expect } from '@esm-bundle/chai';
import { dropBefore, slideWindow, trimRoles } from '../../../cards/data/live-window.js';
import type { TimedSample } from '../../../cards/data/data-source.js';

const series = (times: number[]): TimedSample[] => times.map((t) => ({ t, v: t / 10 }));

describe('live window', () => {
  it('slides forward to the newest sample keeping its length, never backward', () => {
    expect(slideWindow({ from: 100, to: 200 }, 250)).to.deep.equal({ from: 150, to: 250 });
    const window = { from: 100, to: 200 };
    expect(slideWindow(window, 180)).to.equal(window);
  });

  it('drops samples older than from in place but keeps the one whose value holds at from', () => {
    const samples = series([0, 10, 20, 30, 40]);
    const same = samples;
    expect(dropBefore(samples, 25)).to.equal(2);
    expect(samples).to.equal(same);
    expect(samples.map((s) => s.t)).to.deep.equal([20, 30, 40]);
    // A sample exactly at `from` needs no predecessor.
    expect(dropBefore(samples, 30)).to.equal(1);
    expect(samples.map((s) => s.t)).to.deep.equal([30, 40]);
    expect(dropBefore(samples, 0)).to.equal(0);
    expect(dropBefore([], 50)).to.equal(0);
  });

  it('trims every role and keeps a series bounded over many appends', () => {
    const roles = { supply_temp: series([0, 10, 20]), compressor: series([5]) };
    expect(trimRoles(roles, 15)).to.equal(1);
    expect(roles.supply_temp.map((s) => s.t)).to.deep.equal([10, 20]);
    expect(roles.compressor.map((s) => s.t)).to.deep.equal([5]);

    // 10,000 appends one minute apart into a one-hour window: at most 61 samples remain.
    const samples = series([0]);
    let window = { from: 0, to: 0 };
    for (let i = 1; i <= 10_000; i++) {
      samples.push({ t: i * 60_000, v: i });
      window = slideWindow({ from: window.to - 3_600_000, to: window.to }, i * 60_000);
      dropBefore(samples, window.from);
    }
    expect(samples.length).to.equal(61);
    expect(samples[0]!.t).to.equal((10_000 - 60) * 60_000);
  });
});
