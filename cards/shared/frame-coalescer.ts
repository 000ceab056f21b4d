/** Schedules a callback for the next frame; returns a cancel function. */
export type FrameScheduler = (callback: () => void) => () => void;

/**
 * Next animation frame, or after `fallbackMs` when no frame comes first: HA sends a state per entity
 * change, often several in one burst, and the screen cannot show more than one chart per frame. The
 * timer keeps a background tab (no frames; browsers throttle its timers to about 1 s) from piling up
 * appends that would all land at once when it is shown again.
 */
export function frameOrTimeout(fallbackMs = 250): FrameScheduler {
  return (callback) => {
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(once);
    const timer = setTimeout(once, fallbackMs);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}

/**
 * Folds any number of `request()` calls into one `run` per frame: live states are appended to the
 * samples as they arrive (cheap), the re-render they need runs once for all of them.
 */
export class FrameCoalescer {
  private cancelPending?: () => void;

  constructor(
    private readonly run: () => void,
    private readonly schedule: FrameScheduler = frameOrTimeout(),
  ) {}

  /** Whether a run is scheduled and not yet done. */
  get pending(): boolean {
    return this.cancelPending !== undefined;
  }

  request(): void {
    if (this.cancelPending) return;
    this.cancelPending = this.schedule(() => this.flush());
  }

  /** Runs a scheduled run now (tests, benchmarks); does nothing when none is pending. */
  flush(): void {
    if (!this.cancelPending) return;
    this.cancelPending();
    this.cancelPending = undefined;
    this.run();
  }

  /** Drops a scheduled run (the card was removed). */
  cancel(): void {
    this.cancelPending?.();
    this.cancelPending = undefined;
  }
}
