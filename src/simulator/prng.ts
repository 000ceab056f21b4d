/**
 * Small seeded PRNG (mulberry32) so the simulator is reproducible without any dependency.
 * Each subsystem draws from its own stream, so changing how often one part draws numbers
 * (say, a new tapping rule) does not shift the weather or the alarms of the same seed.
 */
export class Prng {
  private state: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    // Scramble the seed once so that seeds 1, 2, 3 do not start with correlated outputs.
    this.state = hash32(seed >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Standard normal (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    let u = this.next();
    while (u <= Number.EPSILON) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Prng.pick needs a non-empty list');
    return item;
  }
}

/** Independent stream for a named subsystem of one seed. */
export function substream(seed: number, name: string): Prng {
  let h = hash32(seed >>> 0);
  for (let i = 0; i < name.length; i++) h = hash32(h ^ name.charCodeAt(i));
  return new Prng(h);
}

function hash32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
