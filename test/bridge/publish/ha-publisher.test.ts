import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../../../bridge/log/logger.js';
import { HaPublisher } from '../../../bridge/publish/ha-publisher.js';
import { HaUnavailableError } from '../../../bridge/publish/ha-rest.js';
import type { HaSessionLike } from '../../../bridge/publish/ha-session.js';
import type { EntityState } from '../../../bridge/publish/state-builder.js';

const MIN = 60_000;

/** A session whose (re)connects the test triggers with `ready()`. */
function fakeSession(): HaSessionLike & { ready(): void } {
  const listeners = new Set<() => void>();
  return {
    start: async () => undefined,
    stop: async () => undefined,
    onReady: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    connected: true,
    haVersion: '2024.3.3',
    command: async () => undefined as never,
    ready: () => listeners.forEach((l) => l()),
  };
}

function states(cop = '3.1'): EntityState[] {
  return [
    { entity_id: 'sensor.hp_cop_now', state: cop, attributes: { unit_of_measurement: undefined } },
    { entity_id: 'sensor.hp_outdoor_temp', state: '-3', attributes: { unit_of_measurement: '°C' } },
    { entity_id: 'binary_sensor.hp_alarm', state: 'off', attributes: { code: null } },
  ];
}

function setup(options: { failOnce?: string } = {}) {
  let clock = Date.UTC(2025, 0, 1);
  const writes: string[] = [];
  let failOnce = options.failOnce;
  const session = fakeSession();
  const publisher = new HaPublisher({
    session,
    logger: createLogger({ level: 'silent' }),
    now: () => clock,
    writer: {
      async write(state) {
        if (state.entity_id === failOnce) {
          failOnce = undefined;
          throw new HaUnavailableError('HTTP 500');
        }
        writes.push(state.entity_id);
      },
    },
  });
  const take = () => writes.splice(0).sort();
  return { publisher, session, take, advance: (ms: number) => (clock += ms) };
}

const ALL = ['binary_sensor.hp_alarm', 'sensor.hp_cop_now', 'sensor.hp_outdoor_temp'];

describe('HaPublisher writes only what HA does not have from us', () => {
  it('a second identical cycle writes nothing; a changed value or attribute writes that entity', async () => {
    const { publisher, take, advance } = setup();
    await publisher.start();
    assert.deepEqual(await publisher.publish(states()), { written: 3, failed: 0, skipped: 0 });
    assert.deepEqual(take(), ALL);
    advance(30_000);
    assert.deepEqual(await publisher.publish(states()), { written: 0, failed: 0, skipped: 3 });
    assert.deepEqual(take(), []);
    advance(30_000);
    const changed = states('3.2');
    changed[1] = { ...changed[1]!, attributes: { unit_of_measurement: '°C', estimated: true } };
    assert.deepEqual(await publisher.publish(changed), { written: 2, failed: 0, skipped: 1 });
    assert.deepEqual(take(), ['sensor.hp_cop_now', 'sensor.hp_outdoor_temp']);
    // lastStates is always the whole latest set (the dashboard reads it).
    assert.equal(publisher.lastStates.length, 3);
  });

  it('after a reconnect or HA restart the whole set is written at once and again on the next cycle', async () => {
    const { publisher, session, take, advance } = setup();
    await publisher.start();
    await publisher.publish(states());
    take();
    session.ready();
    await new Promise((r) => setImmediate(r));
    assert.equal(publisher.republishes, 1);
    assert.deepEqual(take(), ALL);
    advance(30_000);
    // The republish was acknowledged: an identical cycle after it writes nothing.
    assert.deepEqual((await publisher.publish(states())).written, 0);
    // A reconnect before the first cycle has nothing to republish; the first cycle writes all.
    const fresh = setup();
    await fresh.publisher.start();
    fresh.session.ready();
    assert.equal(fresh.publisher.republishes, 0);
    assert.deepEqual((await fresh.publisher.publish(states())).written, 3);
  });

  it('writes the whole set again every 10 minutes (keep-alive)', async () => {
    const { publisher, take, advance } = setup();
    await publisher.publish(states());
    take();
    advance(9 * MIN + 59_000);
    await publisher.publish(states());
    assert.deepEqual(take(), []);
    advance(1_000);
    assert.deepEqual(await publisher.publish(states()), { written: 3, failed: 0, skipped: 0 });
    assert.deepEqual(take(), ALL);
    advance(30_000);
    await publisher.publish(states());
    assert.deepEqual(take(), []);
  });

  it('a failed write is retried on the next cycle even if the value did not change', async () => {
    const { publisher, take, advance } = setup({ failOnce: 'sensor.hp_outdoor_temp' });
    assert.deepEqual(await publisher.publish(states()), { written: 2, failed: 1, skipped: 0 });
    take();
    advance(30_000);
    assert.deepEqual(await publisher.publish(states()), { written: 1, failed: 0, skipped: 2 });
    assert.deepEqual(take(), ['sensor.hp_outdoor_temp']);
  });

  it('keepAliveMs 0 writes every state on every publish', async () => {
    const writes: string[] = [];
    const publisher = new HaPublisher({
      session: fakeSession(),
      logger: createLogger({ level: 'silent' }),
      keepAliveMs: 0,
      writer: { write: async (s) => void writes.push(s.entity_id) },
    });
    await publisher.publish(states());
    await publisher.publish(states());
    assert.equal(writes.length, 6);
  });
});
