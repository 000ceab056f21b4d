import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatisticsImporter, statisticId, type HourlyEnergy } from '../../../bridge/publish/statistics.js';

/** A fake HA recorder: stores imported sums per statistic and start, answers statistics_during_period. */
function fakeRecorder() {
  const store = new Map<string, Map<string, { sum?: number; mean?: number }>>();
  const sent: { type: string; [k: string]: unknown }[] = [];
  return {
    store,
    sent,
    async command<T>(msg: { type: string; [k: string]: unknown }): Promise<T> {
      sent.push(msg);
      if (msg.type === 'recorder/import_statistics') {
        const id = (msg.metadata as { statistic_id: string }).statistic_id;
        const rows = store.get(id) ?? new Map();
        for (const s of msg.stats as { start: string; sum?: number; mean?: number }[]) rows.set(s.start, s);
        store.set(id, rows);
        return null as T;
      }
      if (msg.type === 'recorder/statistics_during_period') {
        // Like HA: rows that START before end_time; month rows carry the sum of their last hour.
        const id = (msg.statistic_ids as string[])[0]!;
        const end = Date.parse(msg.end_time as string);
        type Row = { start: number; end: number; sum?: number | undefined };
        const stored: Map<string, { sum?: number }> = store.get(id) ?? new Map();
        const hourly: Row[] = [...stored.entries()]
          .map(([start, v]) => ({ start: Date.parse(start), end: Date.parse(start) + H, sum: v.sum }))
          .sort((a, b) => a.start - b.start);
        let rows = hourly;
        if (msg.period === 'month') {
          const months = new Map<number, Row>();
          for (const r of hourly) {
            const d = new Date(r.start);
            const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
            months.set(start, {
              start,
              end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
              sum: r.sum,
            });
          }
          rows = [...months.values()];
        }
        return { [id]: rows.filter((r) => r.start < end) } as T;
      }
      throw new Error(`unexpected ${msg.type}`);
    },
  };
}

const H = 3_600_000;
// Mid-month, so HA's month row of these hours starts before the first of them.
const t0 = Date.UTC(2025, 0, 15);
const hours: HourlyEnergy[] = [0, 1, 2, 3].map((i) => ({
  start: t0 + i * H,
  electricalKwh: 1 + i,
  heatKwh: 3 * (1 + i),
  cop: 3,
}));

describe('StatisticsImporter', () => {
  it('imports cumulative sums as external heatpump: statistics with the metadata HA wants', async () => {
    const ha = fakeRecorder();
    const imp = new StatisticsImporter({ commands: ha, deviceSlug: 'heatpump', deviceName: 'Heat pump' });
    const r = await imp.importHours(hours);
    assert.deepEqual([r.electrical, r.heat, r.cop], [4, 4, 4]);
    assert.deepEqual(r.sums, { electrical: 10, heat: 30 });
    const elec = ha.sent.find((m) => m.type === 'recorder/import_statistics');
    assert.deepEqual(elec?.metadata, {
      has_mean: false,
      has_sum: true,
      name: 'Heat pump Electrical energy',
      source: 'heatpump',
      statistic_id: 'heatpump:heatpump_electrical_energy',
      unit_of_measurement: 'kWh',
    });
    assert.deepEqual(
      (elec?.stats as { sum: number }[]).map((s) => s.sum),
      [1, 3, 6, 10],
    );
    assert.equal((elec?.stats as { start: string }[])[0]?.start, '2025-01-15T00:00:00.000Z');
  });

  it('re-running the same hours gives the same sums (no double counting)', async () => {
    const ha = fakeRecorder();
    const imp = new StatisticsImporter({ commands: ha, deviceSlug: 'heatpump', deviceName: 'Heat pump' });
    await imp.importHours(hours);
    await imp.importHours(hours);
    await imp.importHours(hours.slice(2));
    const sums = [...ha.store.get(statisticId('heatpump', 'electrical_energy'))!.values()].map((s) => s.sum);
    assert.deepEqual(sums, [1, 3, 6, 10]);
  });

  it('a month row that starts before the first hour but holds later hours is not a base', async () => {
    const ha = fakeRecorder();
    const imp = new StatisticsImporter({ commands: ha, deviceSlug: 'heatpump', deviceName: 'Heat pump' });
    await imp.importHours(hours);
    assert.equal(await imp.lastSumBefore(statisticId('heatpump', 'electrical_energy'), t0), 0);
    // Base from an earlier, complete month when no hour lies within 32 days.
    await imp.importHours([{ start: Date.UTC(2024, 10, 30, 23), electricalKwh: 5, heatKwh: 15, cop: 3 }]);
    assert.equal(await imp.lastSumBefore(statisticId('heatpump', 'electrical_energy'), t0), 5);
  });

  it('continues from the sum HA holds before the first hour, or from a given chunk sum', async () => {
    const ha = fakeRecorder();
    const imp = new StatisticsImporter({ commands: ha, deviceSlug: 'heatpump', deviceName: 'Heat pump' });
    await imp.importHours(hours.slice(0, 2));
    const later = await imp.importHours(hours.slice(2));
    assert.deepEqual(later.sums, { electrical: 10, heat: 30 });
    const chained = await new StatisticsImporter({
      commands: fakeRecorder(),
      deviceSlug: 'x',
      deviceName: 'X',
    }).importHours(hours.slice(2), { electrical: 100, heat: null });
    assert.equal(chained.sums.electrical, 107);
  });

  it('skips unknown hours and never lets a negative hour lower the sum', async () => {
    const ha = fakeRecorder();
    const imp = new StatisticsImporter({ commands: ha, deviceSlug: 'heatpump', deviceName: 'Heat pump' });
    const r = await imp.importHours([
      { start: t0, electricalKwh: 2, heatKwh: null, cop: null },
      { start: t0 + H, electricalKwh: -1, heatKwh: null, cop: null },
    ]);
    assert.deepEqual([r.electrical, r.heat, r.cop], [2, 0, 0]);
    assert.equal(r.sums.electrical, 2);
  });
});
