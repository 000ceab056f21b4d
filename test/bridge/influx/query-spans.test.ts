import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_QUERY_SPAN_MS, querySpans } from '../../../bridge/influx/query-spans.js';

const DAY = 86_400_000;
const W = 1_800_000;

describe('querySpans: long ranges in window-aligned pieces', () => {
  it('a range within the limit is one piece, unchanged', () => {
    const range = { from: 0, to: 30 * DAY + 12_345, windowMs: W };
    assert.deepEqual(querySpans(range), [range]);
  });

  it('a year at 30 min windows: 12 pieces of 31 days, contiguous, every boundary a window start', () => {
    const to = 365 * DAY + 777;
    const spans = querySpans({ from: 0, to, windowMs: W });
    assert.equal(spans.length, 12);
    assert.equal(spans[0]?.from, 0);
    assert.equal(spans.at(-1)?.to, to);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      assert.ok(s.to - s.from <= MAX_QUERY_SPAN_MS);
      assert.equal(s.from % W, 0);
      assert.equal(s.windowMs, W);
      if (i > 0) assert.equal(s.from, spans[i - 1]!.to);
    }
  });

  it('a span shorter than one window still advances by one window', () => {
    assert.deepEqual(querySpans({ from: 0, to: 3 * W, windowMs: W }, 1), [
      { from: 0, to: W, windowMs: W },
      { from: W, to: 2 * W, windowMs: W },
      { from: 2 * W, to: 3 * W, windowMs: W },
    ]);
  });

  it('an empty or inverted range is an error, as for a single query', () => {
    assert.throws(() => querySpans({ from: 10, to: 10, windowMs: W }), /range.to must be after range.from/);
  });
});
