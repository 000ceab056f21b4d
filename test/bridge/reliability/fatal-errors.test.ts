/**
 * Credentials rejected while the bridge runs (a revoked HA token, an InfluxDB token deleted):
 * retrying cannot help, so the scheduler stops and reports once, and `run` exits 3 (the
 * end-to-end case is in test/integration/reliability-home-assistant.test.ts). Transient errors
 * are still retried.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../../../bridge/config/schema.js';
import { createLogger } from '../../../bridge/log/logger.js';
import { createBridgeApp } from '../../../bridge/pipeline/create-app.js';
import { Scheduler } from '../../../bridge/pipeline/scheduler.js';
import { HaAuthError, HaUnavailableError } from '../../../bridge/publish/ha-rest.js';
import type { HaSessionLike } from '../../../bridge/publish/ha-session.js';
import { FakeSource } from '../dashboard/dashboard-fixtures.js';

const logger = createLogger({ level: 'silent' });
const session: HaSessionLike = {
  connected: true,
  haVersion: 'test',
  start: async () => undefined,
  stop: async () => undefined,
  onReady: () => () => undefined,
  command: async () => {
    throw new HaUnavailableError('not in this test');
  },
};

describe('fatal errors while running', () => {
  it('the scheduler stops after a fatal error and reports it once; other errors are retried', async () => {
    const fatal: Error[] = [];
    let calls = 0;
    const s = new Scheduler({
      name: 't',
      intervalMs: 1,
      initialBackoffMs: 1,
      logger,
      isFatal: (e) => e.name === 'HaAuthError',
      onFatal: (e) => fatal.push(e),
      task: async () => {
        calls += 1;
        if (calls < 3) throw new HaUnavailableError('down');
        throw new HaAuthError('HTTP 401');
      },
    });
    await s.start();
    await new Promise((r) => setTimeout(r, 100));
    await s.stop();
    assert.equal(calls, 3, 'two transient failures retried, then the fatal one ends it');
    assert.deepEqual(
      fatal.map((e) => e.name),
      ['HaAuthError'],
    );
  });

  it('createBridgeApp: a 401 from Home Assistant while publishing reaches onFatal and stops the cycles', async () => {
    const fatal: Error[] = [];
    let writes = 0;
    const bridge = createBridgeApp({
      config: configSchema.parse({
        timezone: 'UTC',
        homeassistant: { token: 'unused-token' },
        publish: { interval_seconds: 1, statistics: false },
      }),
      logger,
      source: new FakeSource(),
      session,
      writer: {
        write: async () => {
          writes += 1;
          throw new HaAuthError('HTTP 401');
        },
      },
      onFatal: (e) => fatal.push(e),
    });
    await bridge.app.start();
    await new Promise((r) => setTimeout(r, 1_500));
    await bridge.app.stop();
    assert.equal(fatal.length, 1);
    assert.match(fatal[0]!.message, /Home Assistant rejected the token/);
    assert.equal(bridge.scheduler.cycles, 1, 'no cycle after the fatal one');
    assert.ok(writes <= 4, `${writes} writes (one per worker at most)`);
  });
});
