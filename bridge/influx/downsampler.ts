import { nextStep, type Coverage, type StepOptions } from './downsample-coverage.js';

/** Shortest span a step is cut down to after failures. */
const MIN_SPAN_MS = 86_400_000;

/** The two queries a downsampler needs, in whichever language the source speaks. */
export interface DownsampleRunner {
  /** Earliest and latest point time of the copy before `to`; undefined when it is empty. */
  bounds(to: number): Promise<{ first: number; last: number } | undefined>;
  /** Aggregates the raw [from, to) into the copy; resolves to the number of points written. */
  write(range: { from: number; to: number; windowMs: number }): Promise<number>;
}

export interface DownsampleStepResult {
  range: { from: number; to: number };
  written: number;
  coverage: Coverage;
}

/**
 * Keeps the downsampled copy (docs/DOWNSAMPLING.md) one query at a time and knows what it covers.
 * Coverage is read from the copy itself at start (first to last point), so `report` and a
 * restarted `run` use what an earlier run wrote, and it only grows once a step has succeeded.
 */
export class Downsampler {
  private readonly runner: DownsampleRunner;
  private readonly options: StepOptions;
  private covered: Coverage | undefined;
  /** Span of the next step; halved after a failed step (see step()). */
  private spanMs: number;

  constructor(runner: DownsampleRunner, options: StepOptions) {
    this.runner = runner;
    this.options = options;
    this.spanMs = options.maxSpanMs;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  get coverage(): Coverage | undefined {
    return this.covered;
  }

  async discover(now: number): Promise<Coverage | undefined> {
    const w = this.options.windowMs;
    const bounds = await this.runner.bounds(now);
    // Points sit on window starts; the last one's window is complete (steps write only those).
    this.covered =
      bounds === undefined
        ? undefined
        : { from: Math.floor(bounds.first / w) * w, to: Math.floor(bounds.last / w) * w + w };
    return this.covered;
  }

  /** Runs the next step (forward first, then backfill); undefined when the copy is up to date. */
  async step(now: number): Promise<DownsampleStepResult | undefined> {
    const step = nextStep(this.covered, now, { ...this.options, maxSpanMs: this.spanMs });
    if (step === undefined) return undefined;
    let written: number;
    try {
      written = await this.runner.write({ ...step.range, windowMs: this.options.windowMs });
    } catch (error) {
      // A month that times out on a small host would time out on every retry: from now on (for
      // this process) take half as much per step, down to a day, so the copy still advances.
      this.spanMs = Math.max(MIN_SPAN_MS, Math.floor(this.spanMs / 2));
      throw error;
    }
    this.covered = step.coverage;
    return { range: step.range, written, coverage: step.coverage };
  }

  /** Span the next step will cover at most (for tests and logs). */
  get nextSpanMs(): number {
    return this.spanMs;
  }
}
