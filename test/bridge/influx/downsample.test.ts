import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nextStep, splitByCoverage, type Coverage } from '../../../bridge/influx/downsample-coverage.js';
import {
  buildFluxBounds,
  buildFluxDownsample,
  buildInfluxQLBounds,
  buildInfluxQLDownsample,
} from '../../../bridge/influx/downsample-query.js';
import { Downsampler, type DownsampleRunner } from '../../../bridge/influx/downsampler.js';
import { buildInfluxQLQuery } from '../../../bridge/influx/influxql-query.js';
import type { QueryPlan } from '../../../bridge/influx/query-plan.js';

const MIN = 60_000;
const DAY = 86_400_000;
const W5 = 5 * MIN;

describe('splitByCoverage: which windows of a read come from the downsampled copy', () => {
  const range = { from: 0, to: 10 * DAY, windowMs: 30 * MIN };

  it('no copy, or a read window that is no multiple of the copy window: all raw', () => {
    assert.deepEqual(splitByCoverage(range, undefined, W5), [{ range, downsampled: false }]);
    const twoMin = { ...range, windowMs: 2 * MIN };
    assert.deepEqual(splitByCoverage(twoMin, { from: 0, to: 10 * DAY }, W5), [
      { range: twoMin, downsampled: false },
    ]);
  });

  it('raw before the copy, the copy, raw after it; copy edges rounded inwards to whole read windows', () => {
    const coverage = { from: 2 * DAY + 5 * MIN, to: 8 * DAY + 25 * MIN };
    assert.deepEqual(splitByCoverage(range, coverage, W5), [
      { range: { from: 0, to: 2 * DAY + 30 * MIN, windowMs: 30 * MIN }, downsampled: false },
      { range: { from: 2 * DAY + 30 * MIN, to: 8 * DAY, windowMs: 30 * MIN }, downsampled: true },
      { range: { from: 8 * DAY, to: 10 * DAY, windowMs: 30 * MIN }, downsampled: false },
    ]);
  });

  it('any copy and read: contiguous pieces over the whole read, copy pieces inside the copy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 10, 15, 30, 60, 120, 7),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        (windowMinutes, fromWindows, lengthWindows, a, b) => {
          const w = windowMinutes * MIN;
          const read = { from: fromWindows * w, to: (fromWindows + lengthWindows) * w - 1, windowMs: w };
          const coverage = { from: Math.min(a, b) * W5, to: Math.max(a, b) * W5 };
          const pieces = splitByCoverage(read, coverage, W5);
          assert.equal(pieces[0]?.range.from, read.from);
          assert.equal(pieces.at(-1)?.range.to, read.to);
          for (let i = 1; i < pieces.length; i++)
            assert.equal(pieces[i]?.range.from, pieces[i - 1]?.range.to);
          for (const p of pieces) {
            assert.ok(p.range.to > p.range.from);
            assert.equal(p.range.from % w, 0, 'every piece starts on a read window');
            if (!p.downsampled) continue;
            assert.equal(w % W5, 0);
            assert.ok(p.range.from >= coverage.from && p.range.to <= coverage.to);
          }
          assert.ok(pieces.filter((p) => p.downsampled).length <= 1);
        },
      ),
    );
  });
});

describe('nextStep: forward to the newest complete window first, then back to the horizon', () => {
  const options = { windowMs: W5, settleMs: 2 * MIN, backfillMs: 400 * DAY, maxSpanMs: 31 * DAY };
  const now = 1000 * DAY + 6 * MIN;
  const edge = 1000 * DAY; // (now - settle) rounded down to 5 min

  it('an empty copy starts with the newest month', () => {
    assert.deepEqual(nextStep(undefined, now, options), {
      range: { from: edge - 31 * DAY, to: edge },
      coverage: { from: edge - 31 * DAY, to: edge },
    });
  });

  it('forward redoes the last window it has (late points), then backwards newest first', () => {
    const step = nextStep({ from: edge - 31 * DAY, to: edge - 3 * W5 }, now, options);
    assert.deepEqual(step?.range, { from: edge - 4 * W5, to: edge });
    const back = nextStep({ from: edge - 31 * DAY, to: edge }, now, options);
    assert.deepEqual(back, {
      range: { from: edge - 62 * DAY, to: edge - 31 * DAY },
      coverage: { from: edge - 62 * DAY, to: edge },
    });
  });

  it('from empty to a year of copy: contiguous, never beyond the horizon, then nothing to do', () => {
    let coverage: Coverage | undefined;
    const written: { from: number; to: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const step = nextStep(coverage, now, options);
      if (step === undefined) break;
      written.push(step.range);
      coverage = step.coverage;
    }
    assert.deepEqual(
      coverage,
      { from: edge - 400 * DAY + W5, to: edge },
      'the horizon: now - 400 days, rounded down',
    );
    assert.equal(written.length, 13, '400 days in month-long steps');
    for (const r of written) assert.ok(r.to - r.from <= 31 * DAY && r.from % W5 === 0 && r.to % W5 === 0);
    assert.equal(nextStep(coverage, now, options), undefined);
    // Ten minutes on: two new windows plus the redone last one.
    assert.deepEqual(nextStep(coverage, now + 10 * MIN, options)?.range, {
      from: edge - W5,
      to: edge + 2 * W5,
    });
  });
});

describe('Downsampler: coverage from the copy, grown only by steps that succeeded', () => {
  function runner(
    bounds: { first: number; last: number } | undefined,
    fail = false,
  ): DownsampleRunner & {
    writes: unknown[];
  } {
    const writes: unknown[] = [];
    return {
      writes,
      bounds: async () => bounds,
      write: async (range) => {
        if (fail) throw new Error('write refused');
        writes.push(range);
        return 42;
      },
    };
  }
  const options = { windowMs: W5, settleMs: 2 * MIN, backfillMs: 40 * DAY, maxSpanMs: 31 * DAY };
  const now = 1000 * DAY + 6 * MIN;

  it('first and last point become [first window, end of last window)', async () => {
    const d = new Downsampler(runner({ first: 990 * DAY + 3, last: 999 * DAY + 2 * MIN }), options);
    assert.deepEqual(await d.discover(now), { from: 990 * DAY, to: 999 * DAY + W5 });
    assert.equal(await new Downsampler(runner(undefined), options).discover(now), undefined);
  });

  it('a step writes with the copy window and reports the new coverage; a failed one changes nothing', async () => {
    const r = runner(undefined);
    const d = new Downsampler(r, options);
    await d.discover(now);
    const step = await d.step(now);
    assert.deepEqual(r.writes, [{ from: 1000 * DAY - 31 * DAY, to: 1000 * DAY, windowMs: W5 }]);
    assert.equal(step?.written, 42);
    assert.deepEqual(d.coverage, { from: 969 * DAY, to: 1000 * DAY });
    const broken = new Downsampler(runner({ first: 990 * DAY, last: 995 * DAY }, true), options);
    await broken.discover(now);
    await assert.rejects(broken.step(now), /write refused/);
    assert.deepEqual(broken.coverage, { from: 990 * DAY, to: 995 * DAY + W5 });
  });

  it('a failed step is retried with half the span, down to a day, so a slow host still advances', async () => {
    let fail = true;
    const spans: number[] = [];
    const d = new Downsampler(
      {
        bounds: async () => undefined,
        write: async (range) => {
          spans.push(range.to - range.from);
          if (fail) throw new Error('timed out');
          return 1;
        },
      },
      options,
    );
    for (let i = 0; i < 6; i++) await assert.rejects(d.step(now));
    assert.deepEqual(
      spans.map((s) => s / DAY),
      [31, 15.5, 7.75, 3.875, 1.9375, 1],
    );
    assert.equal(d.nextSpanMs, DAY);
    fail = false;
    const step = await d.step(now);
    assert.deepEqual(step?.coverage, { from: 999 * DAY, to: 1000 * DAY });
  });
});

describe('downsample queries', () => {
  const husdata: QueryPlan = {
    kind: 'tagged',
    measurement: 'heatpump',
    field: 'value',
    keyTag: 'name',
    keys: ['outdoor_temp', 'compressor_status'],
    lastWhen: { tag: 'type', values: ['status', 'alarm'] },
  };
  const range = { from: 0, to: DAY, windowMs: W5 };

  it('Flux: mean and last streams into the target bucket with to(), answered by one count', () => {
    const q = buildFluxDownsample({ source: 'raw', target: 'raw_5m', plan: husdata, range });
    assert.equal(q.match(/from\(bucket: "raw"\)/g)?.length, 2);
    assert.match(q, /aggregateWindow\(every: 5m, fn: mean, timeSrc: "_start", createEmpty: false\)/);
    assert.match(q, /aggregateWindow\(every: 5m, fn: last, timeSrc: "_start", createEmpty: false\)/);
    assert.match(q, /\|> to\(bucket: "raw_5m"\)\n {2}\|> count\(\)\n {2}\|> group\(\)\n {2}\|> sum\(\)/);
    assert.match(q, /key: "written"/);
    // The copy keeps tags: nothing narrows the columns before to().
    assert.doesNotMatch(q.slice(0, q.indexOf('to(bucket')), /keep\(|drop\(|key: r\[/);
  });

  it('InfluxQL: SELECT INTO the target retention policy, tags kept with GROUP BY *', () => {
    const q = buildInfluxQLDownsample({
      plan: husdata,
      sourceRetentionPolicy: undefined,
      targetRetentionPolicy: 'five "min"',
      range,
    });
    const statements = q.text.split('; ');
    assert.equal(statements.length, 2);
    assert.match(
      statements[0]!,
      /^SELECT mean\("value"\) AS "value" INTO "five \\"min\\"".:MEASUREMENT FROM "heatpump" WHERE time >= '1970-01-01T00:00:00.000Z' AND time < '1970-01-02T00:00:00.000Z'/,
    );
    assert.match(statements[1]!, /^SELECT last\("value"\) AS "value" INTO/);
    for (const s of statements) assert.match(s, /GROUP BY time\(5m\), \* fill\(none\)$/);
    assert.equal(q.valueColumn, 'written');
  });

  it('InfluxQL read of the copy at its own window: the points as stored, no GROUP BY time', () => {
    const read = (asStored: boolean) =>
      buildInfluxQLQuery({
        plan: husdata,
        range: { ...range, windowMs: 30 * MIN },
        retentionPolicy: 'c',
        asStored,
      });
    const stored = read(true);
    assert.equal(stored.text.split('; ').length, 2, 'still one statement for means, one for lasts');
    for (const s of stored.text.split('; ')) {
      assert.match(s, /^SELECT "value" AS "value" FROM "c"."heatpump" WHERE time >= /);
      assert.match(s, /GROUP BY "name"$/);
    }
    assert.deepEqual(stored.statementKeys, read(false).statementKeys);
    assert.match(read(false).text, /GROUP BY time\(30m\), "name" fill\(none\)/);
  });

  it('bounds: first and last of every stream, no windows', () => {
    const flux = buildFluxBounds({ bucket: 'raw_5m', plan: husdata, to: DAY });
    assert.equal(flux.match(/\|> first\(\)/g)?.length, 2);
    assert.equal(flux.match(/\|> last\(\)/g)?.length, 2);
    assert.doesNotMatch(flux, /aggregateWindow/);
    const ql = buildInfluxQLBounds({ plan: husdata, retentionPolicy: 'five_min' });
    assert.deepEqual(
      ql.statementKeys.map((k) => ('fixed' in k ? k.fixed : k.tag)),
      ['first', 'first', 'last', 'last'],
    );
    assert.match(ql.text, /^SELECT first\("value"\) AS "value" FROM "five_min"."heatpump" WHERE/);
    assert.doesNotMatch(ql.text, /GROUP BY|time >=/);
  });
});
