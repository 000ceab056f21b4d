import type { ClimateOptions } from './options.js';
import { substream } from './prng.js';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

// The simulator asks for the day of year every step; a Date per call dominated the profile.
let cachedYearStart = 0;
let cachedNextYearStart = -1;

/** Day of year as a fraction (1.0 = 1 January 00:00 UTC). */
export function dayOfYear(t: number): number {
  if (t < cachedYearStart || t >= cachedNextYearStart) {
    const year = new Date(t).getUTCFullYear();
    cachedYearStart = Date.UTC(year, 0, 1);
    cachedNextYearStart = Date.UTC(year + 1, 0, 1);
  }
  return (t - cachedYearStart) / DAY_MS + 1;
}

/** 0 at the coldest day of the year, 1 at the warmest: how far into summer the date is. */
export function summerness(t: number, climate: ClimateOptions): number {
  const phase = (2 * Math.PI * (dayOfYear(t) - climate.coldestDayOfYear)) / YEAR_DAYS;
  return (1 - Math.cos(phase)) / 2;
}

/** Seasonal mean outdoor temperature, °C. */
export function seasonalMeanC(t: number, climate: ClimateOptions): number {
  return climate.annualMeanC + climate.annualAmplitudeC * (2 * summerness(t, climate) - 1);
}

/** Day/night swing, K: coldest near dawn, warmest at 14:00 solar time; larger in summer. */
export function dailySwingC(t: number, climate: ClimateOptions): number {
  const s = summerness(t, climate);
  const amplitude =
    climate.dailyAmplitudeWinterC + s * (climate.dailyAmplitudeSummerC - climate.dailyAmplitudeWinterC);
  const solarHour = (((t / 3_600_000 + climate.utcOffsetHours) % 24) + 24) % 24;
  return amplitude * Math.cos((2 * Math.PI * (solarHour - 14)) / 24);
}

const ANCHOR_MS = 6 * 3_600_000;
/**
 * The smoothed noise is evaluated exactly on a fixed 15-minute grid and interpolated between:
 * with a 30 h kernel the interpolation error is far below 0.01 K, and it saves 40 exponentials a step.
 */
const GRID_MS = 15 * 60_000;

/**
 * Outdoor temperature = seasonal mean + daily swing + weather. The weather part is white noise
 * on 6-hourly anchors smoothed with a Gaussian kernel: multi-day cold and mild spells, as a pump
 * actually sees them. Each anchor's value comes from the seed and the anchor's date alone, so a
 * date has the same weather whatever time the simulation started at.
 */
export class Weather {
  private readonly kernelMs: number;
  private readonly reach: number;
  private readonly gain: number;
  private readonly anchors = new Map<number, number>();
  private lowestKept = Number.NEGATIVE_INFINITY;
  private gridIndex = Number.NaN;
  private gridLow = 0;
  private gridHigh = 0;

  constructor(
    private readonly climate: ClimateOptions,
    private readonly seed: number,
  ) {
    // A Gaussian-smoothed noise of width s has correlation exp(-lag^2 / 4 s^2): s = timescale / 2.
    this.kernelMs = (climate.weatherTimescaleHours / 2) * 3_600_000;
    this.reach = Math.ceil((4 * this.kernelMs) / ANCHOR_MS);
    // Sum of squared kernel weights ~ s sqrt(pi) / spacing; scale so the deviation has sigma 1.
    this.gain = 1 / Math.sqrt((this.kernelMs * Math.sqrt(Math.PI)) / ANCHOR_MS);
  }

  /** Outdoor temperature at t, °C. */
  at(t: number): number {
    const c = this.climate;
    const sigma = c.weatherSigmaC * (1.3 - 0.6 * summerness(t, c));
    return seasonalMeanC(t, c) + dailySwingC(t, c) + sigma * this.interpolatedDeviation(t);
  }

  private interpolatedDeviation(t: number): number {
    const index = Math.floor(t / GRID_MS);
    if (index !== this.gridIndex) {
      this.gridLow = index === this.gridIndex + 1 ? this.gridHigh : this.deviation(index * GRID_MS);
      this.gridHigh = this.deviation((index + 1) * GRID_MS);
      this.gridIndex = index;
    }
    const frac = (t - index * GRID_MS) / GRID_MS;
    return this.gridLow + (this.gridHigh - this.gridLow) * frac;
  }

  /** Unit-variance smooth noise at t. */
  private deviation(t: number): number {
    const centre = Math.round(t / ANCHOR_MS);
    this.forgetBefore(centre - this.reach);
    let sum = 0;
    for (let k = centre - this.reach; k <= centre + this.reach; k++) {
      const x = (t - k * ANCHOR_MS) / this.kernelMs;
      sum += Math.exp(-0.5 * x * x) * this.anchor(k);
    }
    return sum * this.gain;
  }

  private anchor(k: number): number {
    let v = this.anchors.get(k);
    if (v === undefined) {
      v = substream(this.seed, `weather:${k}`).normal();
      this.anchors.set(k, v);
    }
    return v;
  }

  private forgetBefore(k: number): void {
    // Time mostly moves forward; drop anchors behind the window so memory stays flat over a year.
    if (k <= this.lowestKept) return;
    for (const key of this.anchors.keys()) if (key < k) this.anchors.delete(key);
    this.lowestKept = k;
  }
}

/**
 * Undisturbed ground (borehole) temperature, °C: a damped, delayed copy of the seasonal air
 * temperature, coldest about two months after the air.
 */
export function groundTemperatureC(t: number, climate: ClimateOptions): number {
  const lagged = t - 55 * DAY_MS;
  return 5 + 2.5 * (2 * summerness(lagged, climate) - 1);
}
