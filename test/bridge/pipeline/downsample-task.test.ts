import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../../bridge/config/schema.js';
import type { DownsampleStepResult } from '../../../bridge/influx/downsampler.js';
import { InfluxQueryError, InfluxUnavailableError } from '../../../bridge/influx/influx-errors.js';
import { createLogger } from '../../../bridge/log/logger.js';
import { createBridgeApp } from '../../../bridge/pipeline/create-app.js';
import { createDownsampleTask, DOWNSAMPLE_INTERVAL_MS } from '../../../bridge/pipeline/downsample-task.js';
import { idleSession } from '../../integration/support/reliability-fixtures.js';
import { FakeSource } from '../dashboard/dashboard-fixtures.js';

interface Logged {
  level: string;
  msg: string;
}

function recordingLogger(): { logger: ReturnType<typeof createLogger>; lines: Logged[] } {
  const lines: Logged[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Logged) },
  });
  return { logger, lines };
}

/** Timers the test fires by hand, recording each delay. */
function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    timers: {
      setTimer: (fn: () => void, ms: number) => pending.push({ fn, ms }),
      clearTimer: () => undefined,
    },
    async fire(): Promise<void> {
      const next = pending.shift();
      assert.ok(next !== undefined, 'a step is scheduled');
      next.fn();
      // Let the step's promise chain settle.
      for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    },
  };
}

const step: DownsampleStepResult = {
  range: { from: 0, to: 300_000 },
  written: 12,
  coverage: { from: 0, to: 300_000 },
};

describe('the downsample task of `run`', () => {
  it('first step 10 s after start, then one a minute; a step that wrote is logged', async () => {
    const results: (DownsampleStepResult | undefined)[] = [step, undefined];
    const { logger, lines } = recordingLogger();
    const t = manualTimers();
    const task = createDownsampleTask({ downsample: async () => results.shift() }, logger, t.timers);
    await task.start();
    assert.equal(t.pending[0]?.ms, 10_000);
    await t.fire();
    assert.equal(t.pending[0]?.ms, DOWNSAMPLE_INTERVAL_MS);
    await t.fire();
    const updates = lines.filter((l) => l.msg === 'downsampled copy updated');
    assert.equal(updates.length, 1, 'the up-to-date step logs nothing');
    assert.equal((updates[0] as unknown as { written: number }).written, 12);
    await task.stop();
  });

  it('an outage is retried with backoff; a refused write stops the upkeep and says why', async () => {
    const errors: Error[] = [
      new InfluxUnavailableError('down'),
      new InfluxQueryError('insufficient permissions'),
    ];
    const { logger, lines } = recordingLogger();
    const t = manualTimers();
    const task = createDownsampleTask(
      {
        downsample: async () => {
          throw errors.shift() ?? new Error('unexpected third step');
        },
      },
      logger,
      t.timers,
    );
    await task.start();
    await t.fire();
    assert.equal(t.pending[0]?.ms, 5_000, 'retried after the first backoff');
    await t.fire();
    assert.equal(t.pending.length, 0, 'no further step');
    assert.ok(lines.some((l) => (l.msg ?? '').includes('downsampled copy no longer kept up')));
    await task.stop();
  });

  it('createBridgeApp runs it only for InfluxDB with a downsample key', () => {
    const logger = createLogger({ level: 'silent' });
    const app = (influxdb: Record<string, unknown>, source?: FakeSource) =>
      createBridgeApp({
        config: configSchema.parse({ timezone: 'UTC', homeassistant: { token: 't' }, influxdb }),
        logger,
        session: idleSession(),
        writer: { write: async () => undefined },
        ...(source !== undefined ? { source } : {}),
      }).downsample;
    assert.ok(app({ bucket: 'b', downsample_bucket: 'b_5m' }) !== undefined);
    assert.ok(app({ database: 'd', downsample_retention_policy: 'five' }) !== undefined);
    assert.equal(app({ bucket: 'b' }), undefined);
    assert.equal(
      app({ bucket: 'b', downsample_bucket: 'b_5m' }, new FakeSource()),
      undefined,
      'the simulator has no copy to keep',
    );
  });
});
