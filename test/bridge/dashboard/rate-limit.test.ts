import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from '../../../bridge/dashboard/rate-limit.js';

test('a burst of `capacity` passes, the next waits for the refill', () => {
  const b = new TokenBucket({ capacity: 3, refillMs: 5000 }, 0);
  assert.deepEqual([b.take(0), b.take(10), b.take(20)], [0, 0, 0]);
  assert.equal(b.take(1000), 4000);
  assert.equal(b.take(5000), 0, 'one token back after 5 s');
  assert.equal(b.take(5001), 4999);
});

test('idle time refills up to the capacity, not beyond', () => {
  const b = new TokenBucket({ capacity: 2, refillMs: 1000 }, 0);
  b.take(0);
  b.take(0);
  assert.ok(b.take(0) > 0);
  assert.equal(b.take(60_000), 0);
  assert.equal(b.take(60_000), 0);
  assert.ok(b.take(60_000) > 0, 'only two after a long pause');
});
