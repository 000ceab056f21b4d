import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { resolveMetricOptions } from '../../../src/metrics/index.js';
import { emptyIssueCounts } from '../../../src/model/index.js';
import { thermia } from '../../../src/providers/index.js';
import { SimulatorSource } from '../../../bridge/demo/simulator-source.js';
import { createLogger } from '../../../bridge/log/logger.js';
import { Cycle } from '../../../bridge/pipeline/cycle.js';
import {
  HeldRange,
  longRangePlan,
  mergeWindows,
  recentRangePlan,
} from '../../../bridge/pipeline/held-range.js';
import { ENTITY_CATALOG } from '../../../bridge/publish/entity-catalog.js';
import type { Publisher } from '../../../bridge/publish/publisher.js';
import { StateBuilder, type EntityState } from '../../../bridge/publish/state-builder.js';
import type { FetchRequest, FetchResult, SampleSource } from '../../../bridge/sources/sample-source.js';

const MIN = 60_000;
const DAY = 86_400_000;
/** 2024-02-01 12:00 UTC; the season starts 2024-01-20, so the range is now - 31 d at 5 min windows. */
const NOW = Date.UTC(2024, 1, 1, 12);
const options = resolveMetricOptions({
  timeZone: 'UTC',
  heatingSeason: { startMonth: 1, startDay: 20, endMonth: 5, endDay: 31 },
});

/** Records every request; answers with nothing (for tests about what is read, not what comes back). */
class RecordingSource implements SampleSource {
  readonly kind = 'recording';
  readonly requests: FetchRequest[] = [];
  constructor(private readonly inner?: SampleSource) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async fetch(request: FetchRequest): Promise<FetchResult> {
    this.requests.push({ from: request.from, to: request.to, windowMs: request.windowMs });
    if (this.inner !== undefined) return this.inner.fetch(request);
    return { series: {}, rows: 0, issues: emptyIssueCounts(), unmappedKeys: [] };
  }
  async describe() {
    return { kind: this.kind, server: '', location: '', rolesFound: [], notes: [] };
  }
}

describe('longRangePlan and mergeWindows', () => {
  it('the range starts at the earlier of season start and now - 31 d, aligned to the window', () => {
    const plan = longRangePlan(NOW + 7 * MIN, options);
    assert.equal(plan.windowMs, 5 * MIN);
    assert.equal(plan.from, NOW + 5 * MIN - 31 * DAY);
    // In the default season (from Sep 1) the range is longer and the window coarser.
    const season = longRangePlan(NOW, resolveMetricOptions({ timeZone: 'UTC' }));
    assert.equal(season.from, Date.UTC(2023, 8, 1));
    assert.equal(season.windowMs, 15 * MIN);
  });

  it('keeps held windows in [keepFrom, replaceFrom) and takes fresh ones from replaceFrom on', () => {
    const s = (...ts: number[]) => ts.map((t) => ({ t, v: t / 10 }));
    const merged = mergeWindows({
      held: { outdoor_temp: s(0, 10, 20, 30, 40), supply_temp: s(10, 20) },
      fresh: { outdoor_temp: [{ t: 30, v: 99 }, ...s(50)], return_temp: s(30) },
      keepFrom: 10,
      replaceFrom: 30,
    });
    // 40 is replaced even though the fresh read has no window there (the source dropped it).
    assert.deepEqual(merged, {
      outdoor_temp: [...s(10, 20), { t: 30, v: 99 }, ...s(50)],
      supply_temp: s(10, 20),
      return_temp: s(30),
    });
  });
});

describe('HeldRange refresh (the long range)', () => {
  it('reads the whole range once, then only from the open window minus 2 windows to now', async () => {
    const source = new RecordingSource();
    const long = new HeldRange({ source, plan: (now) => longRangePlan(now, options), refreshMs: 15 * MIN });
    const t0 = NOW + 7 * MIN;
    await long.update(t0);
    assert.deepEqual(source.requests, [{ from: NOW + 5 * MIN - 31 * DAY, to: t0, windowMs: 5 * MIN }]);
    const kind = () => long.lastFetch?.kind;
    assert.equal(kind(), 'full');
    // Within refreshMs: nothing is read.
    await long.update(t0 + 14 * MIN);
    assert.equal(source.requests.length, 1);
    assert.equal(kind(), undefined);
    // Due: from the window open at t0 (12:05) minus two windows (11:55) to now, 27 min instead of 31 d.
    await long.update(t0 + 15 * MIN);
    assert.deepEqual(source.requests[1], { from: NOW - 5 * MIN, to: t0 + 15 * MIN, windowMs: 5 * MIN });
    assert.equal(kind(), 'incremental');
  });

  it('the recent range: 30 s windows from 25 h back, then the last hour (overlapMs) on every update', async () => {
    const source = new RecordingSource();
    const recent = new HeldRange({
      source,
      plan: (now) => recentRangePlan(now, options, 30_000),
      refreshMs: 0,
      fullRefreshMs: 15 * MIN,
      overlapMs: 60 * MIN,
    });
    const t0 = NOW + 10_000;
    await recent.update(t0);
    assert.deepEqual(source.requests[0], { from: NOW - 25 * 60 * MIN, to: t0, windowMs: 30_000 });
    await recent.update(t0 + 30_000);
    // The window open at t0 (12:00:00) minus 120 windows of 30 s: the last hour, not 25 h.
    assert.deepEqual(source.requests[1], { from: NOW - 60 * MIN, to: t0 + 30_000, windowMs: 30_000 });
    assert.equal(recent.lastFetch?.kind, 'incremental');
    await recent.update(t0 + 15 * MIN);
    assert.equal(recent.lastFetch?.kind, 'full');
  });

  it('reads everything again every fullRefreshMs, on a window change and when the clock goes back', async () => {
    const source = new RecordingSource();
    const long = new HeldRange({
      source,
      plan: (now) => longRangePlan(now, options),
      refreshMs: 0,
      fullRefreshMs: 6 * 3_600_000,
    });
    const kinds: string[] = [];
    const at = async (t: number) => {
      await long.update(t);
      kinds.push(long.lastFetch?.kind ?? 'none');
    };
    await at(NOW);
    await at(NOW + 3 * 3_600_000);
    await at(NOW + 6 * 3_600_000);
    await at(NOW + 6 * 3_600_000 + MIN);
    await at(NOW + 5 * 3_600_000);
    assert.deepEqual(kinds, ['full', 'incremental', 'full', 'incremental', 'full']);
    // A season that started 69 d 10 h 30 min ago: 20,000 windows of 5 min span 69 d 10 h 40 min, so
    // 20 min later the range needs 10 min windows and is read again at the new size.
    const seasonStart = Date.UTC(2023, 10, 1);
    const t = seasonStart + 69 * DAY + 630 * MIN;
    const wide = resolveMetricOptions({
      timeZone: 'UTC',
      heatingSeason: { startMonth: 11, startDay: 1, endMonth: 5, endDay: 31 },
    });
    const switching = new HeldRange({ source, plan: (now) => longRangePlan(now, wide), refreshMs: 0 });
    await switching.update(t);
    const switched = () => switching.lastFetch?.kind;
    await switching.update(t + 5 * MIN);
    assert.equal(switched(), 'incremental');
    await switching.update(t + 20 * MIN);
    assert.equal(switched(), 'full');
    assert.equal(switching.series?.windowMs, 10 * MIN);
    assert.equal(source.requests.at(-1)?.from, seasonStart);
  });
});

describe('incremental long range over the simulator equals a full re-read', () => {
  let clock = NOW;
  const sim = new SimulatorSource({ brand: 'thermia', seed: 5, historyDays: 33, now: () => clock });
  before(() => sim.start());

  it('the held series equals a full read after every refresh, while windows leave the range', async () => {
    const source = new RecordingSource(sim);
    const long = new HeldRange({ source, plan: (now) => longRangePlan(now, options), refreshMs: 0 });
    // Irregular steps across window edges, a midnight, and 2 h in one step.
    const steps = [0, 1, 4 * MIN, 5 * MIN, 7 * MIN + 13_000, 29 * MIN, 2 * 3_600_000, 11 * 3_600_000, 30_000];
    for (const step of steps) {
      clock += step;
      const held = await long.update(clock);
      const plan = longRangePlan(clock, options);
      const full = await sim.fetch({ from: plan.from, to: clock, windowMs: plan.windowMs });
      assert.ok(held);
      assert.equal(held.windowMs, plan.windowMs);
      assert.deepEqual(held.series, full.series, `after a step of ${step} ms`);
    }
    assert.deepEqual(
      source.requests.map((r) => r.to - r.from <= 11 * 3_600_000 + 15 * MIN),
      [false, true, true, true, true, true, true, true, true],
      'only the first read covers the range',
    );
  });

  it('a Cycle reading incrementally publishes the same states as one re-reading the range each time', async () => {
    const logger = createLogger({ level: 'silent' });
    const published = (): { publisher: Publisher; sets: EntityState[][] } => {
      const sets: EntityState[][] = [];
      const publisher: Publisher = {
        start: async () => undefined,
        stop: async () => undefined,
        publish: async (states) => {
          sets.push([...states]);
          return { written: states.length, failed: 0 };
        },
        lastStates: [],
        republishes: 0,
      };
      return { publisher, sets };
    };
    const cycle = (publisher: Publisher, full: boolean) =>
      new Cycle({
        source: sim,
        publisher,
        states: new StateBuilder({
          deviceSlug: 'hp',
          deviceName: 'Heat pump',
          entities: ENTITY_CATALOG,
          timeZone: 'UTC',
        }),
        statistics: undefined,
        provider: thermia,
        metricOptions: options,
        sampleIntervalMs: 30_000,
        longRefreshMs: 0,
        ...(full ? { longFullRefreshMs: 0, recentFullRefreshMs: 0 } : {}),
        logger,
        now: () => clock,
      });
    const a = published();
    const b = published();
    const incremental = cycle(a.publisher, false);
    const reread = cycle(b.publisher, true);
    const signal = new AbortController().signal;
    const recentReads: string[] = [];
    // Steps below and above the recent range's 15 min full refresh, across window edges.
    for (const step of [0, 30_000, 6 * MIN, 7 * MIN + 13_000, 31 * MIN, 3 * 3_600_000, 45_000]) {
      clock += step;
      await incremental.run(signal);
      await reread.run(signal);
      recentReads.push(incremental.recent.lastFetch?.kind ?? 'none');
      assert.equal(reread.recent.lastFetch?.kind, 'full');
    }
    assert.deepEqual(recentReads, [
      'full',
      'incremental',
      'incremental',
      'incremental',
      'full',
      'full',
      'incremental',
    ]);
    assert.equal(incremental.long.lastFetch?.kind, 'incremental');
    assert.equal(reread.long.lastFetch?.kind, 'full');
    assert.equal(a.sets.length, 7);
    assert.deepEqual(a.sets, b.sets);
    const season = a.sets[6]?.find((s) => s.entity_id === 'sensor.hp_cop_season');
    assert.match(season?.state ?? '', /^\d+(\.\d+)?$/, 'a season COP was computed');
  });
});

describe('HeldRange and an aborted read', () => {
  it('keeps the held series when the signal aborts during a read; the next update reads again', async () => {
    const controller = new AbortController();
    const source = new RecordingSource();
    const inner = source.fetch.bind(source);
    source.fetch = async (request) => {
      const result = await inner(request);
      controller.abort();
      return result;
    };
    const long = new HeldRange({ source, plan: (now) => longRangePlan(now, options), refreshMs: 0 });
    assert.equal(await long.update(NOW, controller.signal), undefined);
    await long.update(NOW + MIN);
    assert.equal(long.lastFetch?.kind, 'full', 'nothing was held, so the whole range is read');
  });
});
