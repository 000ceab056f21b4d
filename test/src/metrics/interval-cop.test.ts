import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketEdges, intervalCop, localMidnightsBetween } from '../../../src/index.js';
import {
  HOUR,
  MIN,
  SCENARIO_A,
  SCENARIO_A_ELEC,
  SCENARIO_A_OPTIONS,
  SCENARIO_A_RANGE,
  close,
} from '../fixtures.js';

describe('intervalCop', () => {
  it('golden scenario A, hourly buckets: each bucket Σheat/Σelec; buckets add up to the period', () => {
    const buckets = intervalCop(SCENARIO_A, {
      ...SCENARIO_A_RANGE,
      bucketMs: HOUR,
      options: SCENARIO_A_OPTIONS,
    });
    assert.equal(buckets.length, 4);
    close(buckets[0]?.heatKwh, 13.5 + 0.75);
    close(buckets[0]?.elecKwh, 2.75);
    close(buckets[0]?.cop, 14.25 / 2.75);
    close(buckets[2]?.heatKwh, 6.75);
    close(buckets[2]?.cop, 6.75 / (1.25 + 0.005));
    // 180-240: only the aux heater (1 kWh of heat for 1.00167 kWh) plus standby: COP just below 1.
    close(buckets[3]?.cop, 1 / (10 / 3 / 1000 + 6010 / 6 / 1000 + 0.005));
    assert.equal(buckets[3]?.carnotCop, null);
    close(
      buckets.reduce((s, b) => s + (b.heatKwh ?? 0), 0),
      22,
    );
    close(
      buckets.reduce((s, b) => s + (b.elecKwh ?? 0), 0),
      SCENARIO_A_ELEC,
    );
    // Carnot of hour 1: supply 35 + 2 = 37 °C, brine 2 - 6 = -4 °C -> 310.15 / 41.
    close(buckets[0]?.carnotCop, 310.15 / 41);
    close(buckets[0]?.efficiencyPct, (13.5 / (310.15 / 41) / 2.0) * 100);
  });

  it('DST: daily buckets at Stockholm local midnights; the spring day has 23 h of energy', () => {
    const from = Date.UTC(2025, 2, 28, 23); // 2025-03-29 00:00 CET
    const to = Date.UTC(2025, 2, 30, 22); // 2025-03-31 00:00 CEST
    const series = {
      heat_power: [{ t: from, v: 3000 }],
      electrical_power: [{ t: from, v: 1000 }],
    };
    const boundaries = localMidnightsBetween(from, to, 'Europe/Stockholm');
    assert.deepEqual(boundaries, [Date.UTC(2025, 2, 29, 23)]);
    const days = intervalCop(series, { from, to, boundaries, options: { staleMs: Infinity } });
    assert.equal(days.length, 2);
    close(days[0]?.elecKwh, 24);
    close(days[1]?.elecKwh, 23);
    close(days[1]?.heatKwh, 69);
    close(days[1]?.cop, 3);
  });

  it('bucket edges: fixed length, explicit boundaries, one bucket when neither is usable, none for empty ranges', () => {
    assert.deepEqual(bucketEdges({ from: 0, to: 25, bucketMs: 10 }), [0, 10, 20, 25]);
    assert.deepEqual(bucketEdges({ from: 0, to: 25, boundaries: [30, 5, 5, -1] }), [0, 5, 25]);
    assert.deepEqual(bucketEdges({ from: 0, to: 25, bucketMs: 0 }), [0, 25]);
    assert.deepEqual(bucketEdges({ from: 0, to: 25 }), [0, 25]);
    assert.deepEqual(bucketEdges({ from: 0, to: 1e12, bucketMs: 1 }), [0, 1e12]);
    assert.deepEqual(intervalCop({}, { from: 5, to: 5, bucketMs: 1 }), []);
  });

  it('unknown heat or electricity gives null, never a forced number', () => {
    const [bucket] = intervalCop(
      { electrical_power: SCENARIO_A.electrical_power! },
      { ...SCENARIO_A_RANGE, bucketMs: 4 * HOUR },
    );
    assert.equal(bucket?.heatKwh, null);
    assert.equal(bucket?.cop, null);
    assert.ok((bucket?.elecKwh ?? 0) > 0);
    assert.equal(
      intervalCop(SCENARIO_A, { ...SCENARIO_A_RANGE, bucketMs: 30 * MIN })[0]?.efficiencyPct !== undefined,
      true,
    );
  });
});

describe('intervalCop prefer: power', () => {
  it('resolves hours that a whole-kWh counter cannot', () => {
    const H = 3_600_000;
    const power = [];
    const counter = [];
    // 2 kW for 3 h, read every 30 s; the meter shows whole kWh.
    for (let t = 0; t <= 3 * H; t += 30_000) {
      power.push({ t, v: 2000 });
      counter.push({ t, v: 100 + Math.floor((t / H) * 2) });
    }
    const series = { electrical_power: power, electrical_energy: counter };
    const byPower = intervalCop(series, { from: 0, to: 3 * H, bucketMs: H, prefer: 'power' });
    assert.deepEqual(
      byPower.map((b) => Math.round((b.elecKwh ?? -1) * 1000) / 1000),
      [2, 2, 2],
    );
  });
});
