import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateFrames } from '../../../src/simulator/index.js';
import type { HeatSource, SimFrame } from '../../../src/simulator/index.js';
import { JAN_2024, cycles, frames, median } from './sim-fixtures.js';

const winter = frames({ from: JAN_2024, days: 28 });
const april = frames({ from: Date.UTC(2024, 3, 1), days: 28 });

interface WeekCop {
  compressorCop: number;
  systemCop: number;
}

/** Streams a whole year chunk by chunk and returns weekly COPs (sum heat / sum electricity). */
const yearCache = new Map<HeatSource, ReturnType<typeof simulateYear>>();
const weeklyCops = (source: HeatSource): ReturnType<typeof simulateYear> => {
  let result = yearCache.get(source);
  if (!result) yearCache.set(source, (result = simulateYear(source)));
  return result;
};

function simulateYear(source: HeatSource): { weeks: WeekCop[]; year: WeekCop; maxFramesInChunk: number } {
  const weeks: WeekCop[] = [];
  const from = Date.UTC(2023, 8, 1);
  let maxFramesInChunk = 0;
  let week: SimFrame | undefined;
  let yearStart: SimFrame | undefined;
  let lastFrame: SimFrame | undefined;
  const cop = (a: SimFrame, b: SimFrame): WeekCop => ({
    compressorCop: (b.heatKwh - a.heatKwh - (b.auxKwh - a.auxKwh)) / (b.compressorKwh - a.compressorKwh),
    systemCop: (b.heatKwh - a.heatKwh) / (b.electricalKwh - a.electricalKwh),
  });
  for (const chunk of simulateFrames(
    { brand: 'nibe', source, seed: 3 },
    { from, to: from + 364 * 86_400_000, chunkMs: 7 * 86_400_000 },
  )) {
    maxFramesInChunk = Math.max(maxFramesInChunk, chunk.length);
    for (const f of chunk) {
      yearStart ??= f;
      week ??= f;
      if (f.t - week.t >= 7 * 86_400_000) {
        weeks.push(cop(week, f));
        week = f;
      }
      lastFrame = f;
    }
  }
  if (!yearStart || !lastFrame) throw new Error('no frames');
  return { weeks, year: cop(yearStart, lastFrame), maxFramesInChunk };
}

test('ground source: every weekly compressor COP of a year lies in 2.5-5.5, the year about 3.3-4.3', () => {
  const { weeks, year, maxFramesInChunk } = weeklyCops('ground');
  assert.equal(weeks.length, 51);
  assert.equal(maxFramesInChunk, 7 * 2880, 'a chunk holds one week, never the year');
  for (const w of weeks)
    assert.ok(w.compressorCop > 2.5 && w.compressorCop < 5.5, `week COP ${w.compressorCop}`);
  assert.ok(year.compressorCop > 3.3 && year.compressorCop < 4.3, `year ${year.compressorCop}`);
  // Pumps, standby and aux heat pull the system figure below the compressor's.
  assert.ok(year.systemCop < year.compressorCop && year.systemCop > 2.8, `system ${year.systemCop}`);
});

test('air source is worse than ground source over a year, and worst in the coldest weeks', () => {
  const ground = weeklyCops('ground');
  const air = weeklyCops('air');
  assert.ok(
    air.year.systemCop < ground.year.systemCop - 0.2,
    `air ${air.year.systemCop} ground ${ground.year.systemCop}`,
  );
  const airCops = air.weeks.map((w) => w.compressorCop);
  assert.ok(
    Math.min(...airCops) > 1.8 && Math.max(...airCops) < 6.5,
    `air range ${Math.min(...airCops)}-${Math.max(...airCops)}`,
  );
});

test('instantaneous COP stays within what a real compressor shows', () => {
  for (const f of winter) {
    if (!f.compressorOn) assert.ok(Number.isNaN(f.cop));
    else assert.ok(f.cop > 2.3 && f.cop < 6, `cop ${f.cop}`);
  }
});

test('space-heating cycles: median runs of 20-90 min, 5-25 starts a day, the minimum off time held', () => {
  for (const list of [winter, april]) {
    const runs = cycles(list, (f) => f.compressorOn);
    const days = (list.length * 30) / 86_400;
    const startsPerDay = runs.length / days;
    assert.ok(startsPerDay > 5 && startsPerDay < 25, `starts/day ${startsPerDay}`);
    const med = median(runs.map((r) => r.minutes));
    assert.ok(med >= 20 && med <= 90, `median run ${med} min`);
    // Pauses shorter than the 20 min restart delay never happen (alarms only lengthen them).
    const pauses = cycles(list, (f) => !f.compressorOn);
    assert.ok(Math.min(...pauses.map((p) => p.minutes)) >= 20);
  }
});

test('hot water: 1-4 charges a day of 10-40 min, starting below 45 °C and ending near 52 °C', () => {
  const charges = cycles(winter, (f) => f.hotWaterMode);
  const perDay = charges.length / 28;
  assert.ok(perDay >= 1 && perDay <= 4, `${perDay}/day`);
  const med = median(charges.map((c) => c.minutes));
  assert.ok(med >= 10 && med <= 40, `median ${med} min`);
  const byT = new Map(winter.map((f) => [f.t, f]));
  for (const c of charges) {
    const atStart = byT.get(c.start);
    assert.ok(atStart && atStart.hotWaterC <= 45, `start at ${atStart?.hotWaterC}`);
  }
  const tank = winter.map((f) => f.hotWaterC);
  assert.ok(Math.max(...tank) < 54 && Math.min(...tank) > 30);
});

test('the aux heater runs in a cold spell, only while the integral is deep, and never in summer', () => {
  const cold = frames({ from: JAN_2024, days: 28, input: { climate: { annualMeanC: 1 } } });
  const auxFrames = cold.filter((f) => f.auxKw > 0);
  assert.ok(auxFrames.length > 100, `aux frames ${auxFrames.length}`);
  for (const f of auxFrames) {
    assert.ok([3, 6, 9].includes(f.auxKw));
    assert.ok(f.degreeMinutes < -300 || f.alarmCode !== 0, `DM ${f.degreeMinutes}`);
    assert.equal(f.hotWaterMode, false);
  }
  const summer = frames({ from: Date.UTC(2024, 6, 1), days: 28 });
  assert.equal(summer.filter((f) => f.auxKw > 0 && f.alarmCode === 0).length, 0);
});

test('the house stays comfortable in winter: indoor 19.5-22.5 °C', () => {
  const indoor = winter.map((f) => f.indoorC);
  assert.ok(
    Math.min(...indoor) > 19.5 && Math.max(...indoor) < 22.5,
    `${Math.min(...indoor)}-${Math.max(...indoor)}`,
  );
});
