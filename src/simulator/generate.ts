import type { SimFrame } from './frame.js';
import { resolveOptions } from './options.js';
import type { SimulatorInput } from './options.js';
import { Simulation, alignToStep } from './simulation.js';

const HOUR_MS = 3_600_000;

export interface SimRange {
  /** Epoch ms, inclusive (rounded up to the step grid). */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /**
   * Time simulated before `from` and thrown away, so the house, tank and controller have settled
   * (default 48 h; the building's time constant is 40 h).
   */
  warmupMs?: number;
  /** Simulated time per yielded chunk (default 24 h). */
  chunkMs?: number;
}

export const DEFAULT_WARMUP_MS = 48 * HOUR_MS;
export const DEFAULT_CHUNK_MS = 24 * HOUR_MS;

/** A simulation positioned at the first frame of the range (warm-up already run). */
export function startSimulation(
  input: SimulatorInput,
  range: Pick<SimRange, 'from' | 'warmupMs'>,
): Simulation {
  const options = resolveOptions(input);
  const first = Math.ceil(range.from / options.stepMs) * options.stepMs;
  const sim = new Simulation(
    options,
    alignToStep(first - (range.warmupMs ?? DEFAULT_WARMUP_MS), options.stepMs),
  );
  sim.skipTo(first);
  return sim;
}

/**
 * Frames for [from, to) in chunks, so a year of 30 s data (about a million frames) never sits
 * in memory at once. The chunking never changes a frame: concatenated chunks equal one big chunk.
 */
export function* simulateFrames(input: SimulatorInput, range: SimRange): Generator<SimFrame[]> {
  const sim = startSimulation(input, range);
  const chunkMs = Math.max(range.chunkMs ?? DEFAULT_CHUNK_MS, sim.options.stepMs);
  while (sim.time < range.to) {
    const chunkEnd = Math.min(range.to, sim.time + chunkMs);
    const frames: SimFrame[] = [];
    while (sim.time < chunkEnd) frames.push(sim.step());
    yield frames;
  }
}

/** All frames of a (short) range in one array; for tests and small ranges. */
export function simulateAll(input: SimulatorInput, range: Omit<SimRange, 'chunkMs'>): SimFrame[] {
  const out: SimFrame[] = [];
  for (const chunk of simulateFrames(input, { ...range, chunkMs: Number.MAX_SAFE_INTEGER }))
    out.push(...chunk);
  return out;
}
