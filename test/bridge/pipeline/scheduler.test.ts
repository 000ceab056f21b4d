import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App } from '../../../bridge/pipeline/app.js';
import { Scheduler } from '../../../bridge/pipeline/scheduler.js';
import { createLogger } from '../../../bridge/log/logger.js';

const logger = createLogger({ level: 'silent' });

describe('Scheduler', () => {
  it('never overlaps cycles: the next one is scheduled after the previous finished', async () => {
    let active = 0;
    let maxActive = 0;
    const s = new Scheduler({
      name: 't',
      intervalMs: 1,
      logger,
      task: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 15));
        active -= 1;
      },
    });
    await s.start();
    await new Promise((r) => setTimeout(r, 120));
    await s.stop();
    assert.equal(maxActive, 1);
    assert.ok(s.cycles >= 3, `cycles ${s.cycles}`);
    const after = s.cycles;
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(s.cycles, after, 'no cycle after stop()');
  });

  it('backs off exponentially after failures, capped, and returns to the interval after a success', () => {
    const s = new Scheduler({
      name: 't',
      intervalMs: 30_000,
      logger,
      task: async () => undefined,
      initialBackoffMs: 5_000,
      maxBackoffMs: 60_000,
    });
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 9].map((f) => s.nextDelay(f)),
      [30_000, 5_000, 10_000, 20_000, 40_000, 60_000, 60_000],
    );
  });

  it('keeps running after a failing cycle', async () => {
    let calls = 0;
    const s = new Scheduler({
      name: 't',
      intervalMs: 1,
      initialBackoffMs: 1,
      logger,
      task: async () => {
        calls += 1;
        if (calls === 1) throw new Error('influx down');
      },
    });
    await s.start();
    await new Promise((r) => setTimeout(r, 50));
    await s.stop();
    assert.ok(calls >= 3, `calls ${calls}`);
  });
});

describe('App', () => {
  it('starts in order, stops in reverse, and isolates a failing stop', async () => {
    const events: string[] = [];
    const part = (name: string, failStop = false) => ({
      name,
      start: async () => void events.push(`start ${name}`),
      stop: async () => {
        events.push(`stop ${name}`);
        if (failStop) throw new Error('boom');
      },
    });
    const app = new App([part('a'), part('b', true), part('c')], logger);
    await app.start();
    await app.stop();
    assert.deepEqual(events, ['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
  });

  it('a failed start stops what already started and rethrows', async () => {
    const events: string[] = [];
    const app = new App(
      [
        {
          name: 'a',
          start: async () => void events.push('start a'),
          stop: async () => void events.push('stop a'),
        },
        {
          name: 'b',
          start: async () => {
            throw new Error('no');
          },
          stop: async () => void events.push('stop b'),
        },
      ],
      logger,
    );
    await assert.rejects(app.start(), /no/);
    assert.deepEqual(events, ['start a', 'stop a']);
  });
});
