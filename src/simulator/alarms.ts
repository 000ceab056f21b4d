import type { AlarmOptions, SimBrand } from './options.js';
import { substream } from './prng.js';

/**
 * Alarm codes a running pump plausibly raises, per brand (codes of the reference alarm tables):
 * flow, pressure-switch and brine-temperature faults, the ones that stop the compressor.
 */
export const SIM_ALARM_CODES: Record<SimBrand, readonly number[]> = {
  thermia: [10, 11, 13, 20, 50],
  ivt: [14, 15, 18, 19, 22],
  nibe: [21, 22, 30, 35, 76],
};

const DAY_MS = 86_400_000;

interface PlannedAlarm {
  start: number;
  end: number;
  code: number;
}

/**
 * Occasional alarms: each UTC day independently holds at most one, with probability
 * perYear / 365, at a random time and for a random duration. Planned per day from the seed, so a
 * date has the same alarms whatever time the simulation started at. While one is active the
 * compressor is blocked.
 */
export class AlarmProcess {
  /** Active alarm code, 0 when none. */
  activeCode = 0;
  /** Last code raised, kept after it clears (IVT BA91 behaves like this). */
  lastCode = 0;
  private readonly plans = new Map<number, PlannedAlarm | null>();

  constructor(
    private readonly options: AlarmOptions,
    private readonly codes: readonly number[],
    private readonly seed: number,
  ) {}

  /** Updates the alarm state for time t; call once per step. */
  step(t: number): void {
    const day = Math.floor(t / DAY_MS);
    // An alarm lasts less than a day, so only today's and yesterday's plans can be active.
    const active = [this.plan(day - 1), this.plan(day)].find((a) => a !== null && t >= a.start && t < a.end);
    this.activeCode = active?.code ?? 0;
    if (active) this.lastCode = active.code;
    this.plans.delete(day - 2);
  }

  private plan(day: number): PlannedAlarm | null {
    let planned = this.plans.get(day);
    if (planned === undefined) {
      const r = substream(this.seed, `alarm:${day}`);
      const o = this.options;
      planned = null;
      if (r.chance(o.perYear / 365.2425)) {
        const start = day * DAY_MS + Math.floor(r.next() * DAY_MS);
        const minutes = Math.min(r.between(o.minMinutes, o.maxMinutes), 23 * 60);
        planned = { start, end: start + Math.round(minutes * 60_000), code: r.pick(this.codes) };
      }
      this.plans.set(day, planned);
    }
    return planned;
  }
}
