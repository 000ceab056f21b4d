import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CLIMATE, groundTemperatureC, seasonalMeanC } from '../../../src/simulator/index.js';
import { Weather, dailySwingC, dayOfYear } from '../../../src/simulator/weather.js';

const HOUR = 3_600_000;

test('dayOfYear counts from 1 January 00:00 UTC', () => {
  assert.equal(dayOfYear(Date.UTC(2024, 0, 1)), 1);
  assert.equal(dayOfYear(Date.UTC(2024, 1, 1, 12)), 32.5);
});

test('the seasonal mean is coldest in late January and warmest in late July', () => {
  const c = DEFAULT_CLIMATE;
  const jan = seasonalMeanC(Date.UTC(2024, 0, 25), c);
  const jul = seasonalMeanC(Date.UTC(2024, 6, 26), c);
  assert.ok(Math.abs(jan - (c.annualMeanC - c.annualAmplitudeC)) < 0.01, `jan ${jan}`);
  assert.ok(Math.abs(jul - (c.annualMeanC + c.annualAmplitudeC)) < 0.05, `jul ${jul}`);
});

test('the daily swing peaks at 14:00 solar time (13:00 UTC at +1 h) and bottoms 12 h later', () => {
  const c = DEFAULT_CLIMATE;
  const day = Date.UTC(2024, 6, 1);
  const swings = Array.from({ length: 24 }, (_, h) => dailySwingC(day + h * HOUR, c));
  assert.equal(swings.indexOf(Math.max(...swings)), 13);
  assert.equal(swings.indexOf(Math.min(...swings)), 1);
  // Summer days swing more than winter days.
  assert.ok(dailySwingC(day + 13 * HOUR, c) > dailySwingC(Date.UTC(2024, 0, 25, 13), c) + 2);
});

test('weather deviations have about the configured spread and last for days', () => {
  const c = { ...DEFAULT_CLIMATE, weatherSigmaC: 4 };
  const w = new Weather(c, 11);
  const start = Date.UTC(2020, 0, 1);
  const dev: number[] = [];
  // Remove season and daily swing to look at the weather part alone (10 years, one value per 6 h).
  for (let t = start; t < start + 3650 * 24 * HOUR; t += 6 * HOUR) {
    dev.push(w.at(t) - seasonalMeanC(t, c) - dailySwingC(t, c));
  }
  const mean = dev.reduce((a, b) => a + b, 0) / dev.length;
  const sd = Math.sqrt(dev.reduce((a, b) => a + (b - mean) ** 2, 0) / dev.length);
  assert.ok(sd > 3 && sd < 5, `sd ${sd}`);
  const lagCorrelation = (lag: number): number => {
    let s = 0;
    for (let i = 0; i + lag < dev.length; i++) s += ((dev[i] ?? 0) - mean) * ((dev[i + lag] ?? 0) - mean);
    return s / (dev.length - lag) / (sd * sd);
  };
  // Gaussian-smoothed noise: correlation exp(-lag^2 / 4 s^2) with s = 30 h: 0.94 at 12 h, 0.37 at 60 h.
  assert.ok(lagCorrelation(2) > 0.85, `12 h ${lagCorrelation(2)}`);
  assert.ok(lagCorrelation(10) > 0.2 && lagCorrelation(10) < 0.55, `60 h ${lagCorrelation(10)}`);
  assert.ok(Math.abs(lagCorrelation(40)) < 0.1, `10 d ${lagCorrelation(40)}`);
});

test('the weather of a date does not depend on when the caller started asking', () => {
  const t = Date.UTC(2024, 2, 10, 5);
  const early = new Weather(DEFAULT_CLIMATE, 5);
  for (let x = t - 30 * 24 * HOUR; x < t; x += HOUR) early.at(x);
  const late = new Weather(DEFAULT_CLIMATE, 5);
  assert.equal(early.at(t), late.at(t));
  assert.notEqual(new Weather(DEFAULT_CLIMATE, 6).at(t), late.at(t));
});

test('the ground is coldest about two months after the air and swings much less', () => {
  const c = DEFAULT_CLIMATE;
  const temps = Array.from({ length: 366 }, (_, d) => groundTemperatureC(Date.UTC(2024, 0, 1 + d), c));
  const coldestDay = temps.indexOf(Math.min(...temps)) + 1;
  assert.ok(coldestDay > 70 && coldestDay < 90, `coldest day ${coldestDay}`);
  assert.ok(Math.max(...temps) - Math.min(...temps) < 6);
});
