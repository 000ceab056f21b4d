import type { HotWaterOptions } from './options.js';
import { substream } from './prng.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WATER_J_PER_L_K = 4186;

interface Draw {
  start: number;
  end: number;
  powerW: number;
}

/**
 * Hot-water tank as one heat capacity (top sensor = tank mean) with a household's draw-offs:
 * a morning and an evening shower most days plus a few small kitchen draws. A shower takes the
 * tank below its start temperature, which is what triggers most real hot-water cycles.
 */
export class HotWaterTank {
  temperatureC: number;
  private readonly capacityJPerK: number;
  private draws: Draw[] = [];
  private plannedDay = Number.NaN;

  constructor(
    private readonly options: HotWaterOptions,
    private readonly seed: number,
    private readonly utcOffsetHours: number,
  ) {
    this.capacityJPerK = options.tankLitres * WATER_J_PER_L_K;
    this.temperatureC = (options.startC + options.stopC) / 2 + 1;
  }

  /** Heat drawn by taps over [t, t + dt), W. */
  tapPowerW(t: number): number {
    const localDay = Math.floor((t + this.utcOffsetHours * HOUR_MS) / DAY_MS);
    if (localDay !== this.plannedDay) this.planDay(localDay);
    let power = 0;
    for (const d of this.draws) if (t >= d.start && t < d.end) power += d.powerW;
    // An empty tank cannot deliver more: taps then run lukewarm.
    return this.temperatureC > 25 ? power : 0;
  }

  /** Advances the tank by dt with the given heat flows held constant. */
  step(args: { heatInW: number; tapW: number; dtS: number }): void {
    const lossW = this.options.standingLossWPerK * Math.max(0, this.temperatureC - 20);
    this.temperatureC += (args.dtS * (args.heatInW - args.tapW - lossW)) / this.capacityJPerK;
  }

  private planDay(localDay: number): void {
    this.plannedDay = localDay;
    const dayStart = localDay * DAY_MS - this.utcOffsetHours * HOUR_MS;
    // One stream per day: a date's draws depend on the seed alone, not on when the run began.
    const r = substream(this.seed, `taps:${localDay}`);
    const daily = this.options.dailyUseKwh * r.between(0.6, 1.4);
    const draws: Draw[] = [];
    const add = (hour: number, kwh: number, powerW: number): void => {
      const start = dayStart + Math.round(hour * HOUR_MS);
      draws.push({ start, end: start + Math.round((kwh / (powerW / 1000)) * HOUR_MS), powerW });
    };
    if (r.chance(0.85)) add(r.between(6, 7.75), daily * 0.35, r.between(12_000, 18_000));
    if (r.chance(0.7)) add(r.between(18.5, 22), daily * 0.3, r.between(12_000, 18_000));
    const small = 3 + Math.floor(r.next() * 5);
    for (let i = 0; i < small; i++) add(r.between(7, 22), (daily * 0.35) / small, r.between(4000, 8000));
    this.draws = draws;
  }
}
