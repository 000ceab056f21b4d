import { expect } from '@esm-bundle/chai';
import { HaDataSource } from '../../../cards/data/ha-data-source.js';
import { appendLive, loadRoleSamples, statisticsToSamples } from '../../../cards/data/load-series.js';
import { historyMessage } from '../../../cards/data/history.js';
import { statisticsMessage } from '../../../cards/data/statistics.js';
import type { HassLike } from '../../../cards/data/hass-types.js';

function hassAnswering(answer: unknown, calls: unknown[] = []): HassLike {
  return { states: {}, callWS: async <T>(m: unknown) => (calls.push(m), answer as T) };
}

describe('data layer', () => {
  it('builds history and statistics requests with ISO times', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(historyMessage({ entityIds: ['sensor.a'], from, to: from + 3_600_000 })).to.deep.include({
      type: 'history/history_during_period',
      start_time: '2026-01-01T00:00:00.000Z',
      end_time: '2026-01-01T01:00:00.000Z',
      entity_ids: ['sensor.a'],
      no_attributes: true,
    });
    expect(
      statisticsMessage({ statisticIds: ['sensor.e'], from, to: from + 86_400_000, period: 'hour' }),
    ).to.deep.include({
      type: 'recorder/statistics_during_period',
      statistic_ids: ['sensor.e'],
      period: 'hour',
    });
  });

  it('converts history times from epoch seconds to ms and states to numbers', async () => {
    const source = new HaDataSource(
      hassAnswering({
        'binary_sensor.c': [
          { s: 'on', lu: 1_767_225_600.5, a: {} },
          { s: 'off', lu: 1_767_225_660 },
        ],
        'sensor.t': [
          { s: 'unavailable', lu: 1_767_225_600 },
          { s: '21.5', lu: 1_767_225_700.25 },
        ],
      }),
    );
    const out = await source.history({
      entityIds: ['binary_sensor.c', 'sensor.t', 'sensor.none'],
      from: 0,
      to: 1,
    });
    expect(out['binary_sensor.c']).to.deep.equal([
      { t: 1_767_225_600_500, v: 1 },
      { t: 1_767_225_660_000, v: 0 },
    ]);
    expect(Number.isNaN(out['sensor.t']![0]!.v)).to.equal(true);
    expect(out['sensor.t']![1]).to.deep.equal({ t: 1_767_225_700_250, v: 21.5 });
    expect(out['sensor.none']).to.deep.equal([]);
  });

  it('keeps statistics times in ms: counters as sum at the period end, measurements as mean at the start', () => {
    const rows = [
      { start: 1000, end: 2000, mean: 20.5, sum: 3.25 },
      { start: 2000, end: 3000, mean: null, sum: 4 },
    ];
    expect(statisticsToSamples(rows, true)).to.deep.equal([
      { t: 2000, v: 3.25 },
      { t: 3000, v: 4 },
    ]);
    const measured = statisticsToSamples(rows, false);
    expect(measured[0]).to.deep.equal({ t: 1000, v: 20.5 });
    expect(Number.isNaN(measured[1]!.v)).to.equal(true);
  });

  it('loads a 1-year range from daily statistics plus history for on/off roles', async () => {
    const calls: Array<{ type: string; period?: string }> = [];
    const source = new HaDataSource(hassAnswering({}, calls));
    await loadRoleSamples({
      source,
      entities: { supply_temp: 'sensor.s', compressor: 'binary_sensor.c' },
      range: '1y',
      now: Date.UTC(2026, 0, 1),
    });
    expect(calls.map((c) => [c.type, c.period])).to.deep.equal([
      ['history/history_during_period', undefined],
      ['recorder/statistics_during_period', 'day'],
    ]);
  });

  it('notifies live subscribers only about changed entities, and appends only newer samples', () => {
    const entity = (state: string, at: string) => ({
      entity_id: 'sensor.t',
      state,
      attributes: { unit_of_measurement: '°C' },
      last_changed: at,
      last_updated: at,
      context: { id: '', parent_id: null, user_id: null },
    });
    const first = { ...hassAnswering({}), states: { 'sensor.t': entity('20', '2026-01-01T00:00:00Z') } };
    const source = new HaDataSource(first);
    const seen: number[] = [];
    const stop = source.subscribeLive(['sensor.t'], (u) => seen.push(u.value));
    source.setHass({
      ...first,
      states: { ...first.states, 'light.x': entity('on', '2026-01-01T00:00:00Z') },
    });
    source.setHass({ ...first, states: { 'sensor.t': entity('21.5', '2026-01-01T00:01:00Z') } });
    stop();
    source.setHass({ ...first, states: { 'sensor.t': entity('22', '2026-01-01T00:02:00Z') } });
    expect(seen).to.deep.equal([21.5]);
    const samples = [{ t: Date.parse('2026-01-01T00:01:00Z'), v: 21.5 }];
    expect(appendLive(samples, { ...source.current('sensor.t')!, t: samples[0]!.t })).to.equal(false);
    expect(appendLive(samples, source.current('sensor.t')!)).to.equal(true);
    expect(samples).to.have.length(2);
  });
});

describe('live roles', () => {
  it('lets live states extend history roles only, never statistics sums', async () => {
    const source = new HaDataSource(hassAnswering({}));
    const result = await loadRoleSamples({
      source,
      entities: { heat_energy: 'sensor.h', compressor: 'binary_sensor.c' },
      range: '30d',
      now: Date.UTC(2026, 0, 1),
    });
    expect(result.liveRoles).to.deep.equal(['compressor']);
    const day = await loadRoleSamples({
      source,
      entities: { heat_energy: 'sensor.h' },
      range: '24h',
      now: Date.UTC(2026, 0, 1),
    });
    expect(day.liveRoles).to.deep.equal(['heat_energy']);
  });
});
