import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../../../bridge/log/logger.js';
import {
  Heartbeat,
  type HeartbeatTimers,
  type PingableConnection,
} from '../../../bridge/publish/heartbeat.js';

/** A manual clock: timers fire only when the test advances time. */
class FakeClock implements HeartbeatTimers {
  now = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; every?: number; fn: () => void }>();

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, every: ms, fn });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get active(): number {
    return this.timers.size;
  }

  /** Advances time, firing due timers in order and letting promise callbacks run in between. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await flush();
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.now = timer.at;
      if (timer.every !== undefined) timer.at += timer.every;
      else this.timers.delete(id);
      timer.fn();
    }
    this.now = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

/** A connection whose pong comes after `pongAfterMs` (never when null). */
class FakeConnection implements PingableConnection {
  connected = true;
  pings = 0;
  reconnects: boolean[] = [];
  pongAfterMs: number | null = 10;
  failPing = false;

  constructor(private readonly clock: FakeClock) {}

  ping(): Promise<unknown> {
    this.pings += 1;
    if (this.failPing) return Promise.reject(new Error('connection lost'));
    const delay = this.pongAfterMs;
    if (delay === null) return new Promise(() => undefined);
    return new Promise((resolve) => this.clock.setTimeout(() => resolve('pong'), delay));
  }
  reconnect(force?: boolean): void {
    this.reconnects.push(force === true);
  }
}

function setup() {
  const clock = new FakeClock();
  const connection = new FakeConnection(clock);
  const lines: string[] = [];
  const logger = createLogger({ level: 'warn', destination: { write: (l: string) => lines.push(l) } });
  const heartbeat = new Heartbeat({ connection, intervalMs: 30_000, logger, timers: clock });
  return { clock, connection, heartbeat, lines };
}

describe('Heartbeat (ping watchdog)', () => {
  it('pings every interval and leaves a healthy connection alone', async () => {
    const { clock, connection, heartbeat } = setup();
    heartbeat.start();
    await clock.advance(29_999);
    assert.equal(connection.pings, 0);
    await clock.advance(1);
    assert.equal(connection.pings, 1);
    await clock.advance(4 * 30_000);
    assert.equal(connection.pings, 5);
    assert.deepEqual(connection.reconnects, []);
    assert.equal(heartbeat.forcedReconnects, 0);
  });

  it('a pong later than the interval forces exactly one reconnect per missed pong', async () => {
    const { clock, connection, heartbeat, lines } = setup();
    heartbeat.start();
    connection.pongAfterMs = null;
    await clock.advance(30_000);
    assert.equal(connection.pings, 1);
    await clock.advance(29_999);
    assert.deepEqual(connection.reconnects, [], 'not before the timeout');
    await clock.advance(1);
    assert.deepEqual(connection.reconnects, [true], 'forced reconnect at 60 s');
    assert.match(lines.join(''), /did not answer a ping; forcing a reconnect/);
    // Next ping is answered in time again: no further reconnect.
    connection.pongAfterMs = 29_000;
    await clock.advance(60_000);
    assert.deepEqual(connection.reconnects, [true, true], 'the ping sent at 60 s was also lost');
    await clock.advance(60_000);
    assert.equal(heartbeat.forcedReconnects, 2);
  });

  it('sends no ping while disconnected (haws is reconnecting) and ignores a rejected ping', async () => {
    const { clock, connection, heartbeat } = setup();
    heartbeat.start();
    connection.connected = false;
    await clock.advance(90_000);
    assert.equal(connection.pings, 0);
    connection.connected = true;
    connection.failPing = true;
    await clock.advance(90_000);
    assert.equal(connection.pings, 3);
    assert.deepEqual(connection.reconnects, []);
  });

  it('stop() cancels the interval and a pending timeout', async () => {
    const { clock, connection, heartbeat } = setup();
    heartbeat.start();
    connection.pongAfterMs = null;
    await clock.advance(30_000);
    heartbeat.stop();
    // Only the fake connection's own timers could remain; the watchdog holds none.
    assert.equal(clock.active, 0);
    await clock.advance(120_000);
    assert.equal(connection.pings, 1);
    assert.deepEqual(connection.reconnects, []);
  });
});
