import { expect } from '@esm-bundle/chai';
import { FrameCoalescer } from '../../../cards/shared/frame-coalescer.js';

/** A hand-driven frame clock. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    schedule: (cb: () => void) => {
      const id = next++;
      queue.set(id, cb);
      return () => queue.delete(id);
    },
    tick: () => {
      const due = [...queue.values()];
      queue.clear();
      for (const cb of due) cb();
    },
    get scheduled() {
      return queue.size;
    },
  };
}

describe('FrameCoalescer', () => {
  it('runs once per frame however many requests arrive', () => {
    const frames = manualFrames();
    let runs = 0;
    const c = new FrameCoalescer(() => runs++, frames.schedule);
    for (let i = 0; i < 100; i++) c.request();
    expect(frames.scheduled).to.equal(1);
    expect(c.pending).to.equal(true);
    frames.tick();
    expect(runs).to.equal(1);
    expect(c.pending).to.equal(false);
    frames.tick();
    expect(runs).to.equal(1);
    c.request();
    frames.tick();
    expect(runs).to.equal(2);
  });

  it('flush runs a pending run now and cancel drops it', () => {
    const frames = manualFrames();
    let runs = 0;
    const c = new FrameCoalescer(() => runs++, frames.schedule);
    c.flush();
    expect(runs).to.equal(0);
    c.request();
    c.flush();
    expect(runs).to.equal(1);
    expect(frames.scheduled).to.equal(0);
    c.request();
    c.cancel();
    frames.tick();
    expect(runs).to.equal(1);
  });

  it('runs by default at the next frame or after 250 ms, whichever comes first', async () => {
    let runs = 0;
    const c = new FrameCoalescer(() => runs++);
    c.request();
    c.request();
    expect(runs).to.equal(0);
    // WTR may run this page in a background tab (no frames): the timer then runs it.
    const start = performance.now();
    while (runs === 0 && performance.now() - start < 2000) await new Promise((r) => setTimeout(r, 10));
    expect(runs).to.equal(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).to.equal(1);
  });
});
