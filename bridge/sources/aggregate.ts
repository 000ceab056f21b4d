import { roleInfo } from '../../src/model/index.js';
import type { Role, Sample, Series, SeriesByRole } from '../../src/model/index.js';

export type Aggregate = 'mean' | 'last' | 'max';

/** States, codes, modes and counters keep their last value per window; the rest is averaged. */
export function aggregateForRole(role: Role): Aggregate {
  const kind = roleInfo(role).kind;
  return kind === 'state' || kind === 'code' || kind === 'mode' || kind === 'energy' ? 'last' : 'mean';
}

export interface AggregateOptions {
  from: number;
  to: number;
  windowMs: number;
}

/**
 * What the database does for the InfluxDB sources, in memory, for sources that produce raw
 * samples (the simulator): epoch-aligned windows stamped with their start, mean or last per role
 * (sample mean, as InfluxDB's `mean`), empty windows left out.
 */
export function aggregateSamples(series: SeriesByRole, options: AggregateOptions): SeriesByRole {
  const out: SeriesByRole = {};
  for (const [role, samples] of Object.entries(series) as [Role, Series][]) {
    const fn = aggregateForRole(role);
    const windows: Sample[] = [];
    let start = Number.NaN;
    let sum = 0;
    let count = 0;
    let last = 0;
    const flush = (): void => {
      if (count > 0) windows.push({ t: start, v: fn === 'mean' ? sum / count : last });
    };
    for (const s of samples) {
      if (s.t < options.from || s.t >= options.to) continue;
      const w = Math.floor(s.t / options.windowMs) * options.windowMs;
      if (w !== start) {
        flush();
        start = w;
        sum = 0;
        count = 0;
      }
      sum += s.v;
      count += 1;
      last = s.v;
    }
    flush();
    if (windows.length > 0) out[role] = windows;
  }
  return out;
}
