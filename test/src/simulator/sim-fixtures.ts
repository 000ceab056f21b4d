import { simulateAll } from '../../../src/simulator/index.js';
import type { SimBrand, SimFrame, SimulatorInput } from '../../../src/simulator/index.js';

export const DAY_MS = 86_400_000;
export const JAN_2024 = Date.UTC(2024, 0, 8);
export const JUL_2024 = Date.UTC(2024, 6, 1);

const cache = new Map<string, SimFrame[]>();

/** Frames of `days` days from `from`, memoised per test file (a month takes ~0.2 s). */
export function frames(args: {
  brand?: SimBrand;
  from: number;
  days: number;
  input?: Partial<SimulatorInput>;
}): SimFrame[] {
  const key = JSON.stringify(args);
  let out = cache.get(key);
  if (!out) {
    out = simulateAll(
      { brand: args.brand ?? 'thermia', seed: 42, ...args.input },
      { from: args.from, to: args.from + args.days * DAY_MS },
    );
    cache.set(key, out);
  }
  return out;
}

export interface Cycle {
  start: number;
  end: number;
  minutes: number;
}

/** Closed intervals where `on` holds, ignoring one cut open by the start or end of the range. */
export function cycles(list: readonly SimFrame[], on: (f: SimFrame) => boolean): Cycle[] {
  const out: Cycle[] = [];
  let start: number | undefined;
  let seenOff = false;
  for (const f of list) {
    if (on(f)) {
      if (start === undefined && seenOff) start = f.t;
    } else {
      seenOff = true;
      if (start !== undefined) out.push({ start, end: f.t, minutes: (f.t - start) / 60_000 });
      start = undefined;
    }
  }
  return out;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('empty list');
  return item;
}

export function last<T>(list: readonly T[]): T {
  const item = list[list.length - 1];
  if (item === undefined) throw new Error('empty list');
  return item;
}
