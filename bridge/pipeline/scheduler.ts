import type { Logger } from '../log/logger.js';

export interface SchedulerOptions {
  name: string;
  intervalMs: number;
  /** One cycle; gets a signal that aborts when the scheduler stops. */
  task(signal: AbortSignal): Promise<void>;
  logger: Logger;
  /** First retry delay after a failed cycle; doubles per failure up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Errors retrying cannot fix (revoked credentials): no more cycles, and onFatal hears of it. */
  isFatal?: (error: Error) => boolean;
  onFatal?: (error: Error) => void;
  /** Delay of the first cycle after start (default 0: at once). */
  firstDelayMs?: number;
  /** Injected in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Runs a task every interval without overlap: the next cycle is scheduled when the previous one
 * has finished, so a slow database never piles up queries. Failed cycles are retried with
 * exponential backoff (capped by the interval at the low end and maxBackoffMs at the top).
 */
export class Scheduler {
  private readonly options: SchedulerOptions;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private stopped = true;
  private failures = 0;
  /** Completed cycles (successful or not); for tests and logs. */
  cycles = 0;

  constructor(options: SchedulerOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.abort = new AbortController();
    this.schedule(this.options.firstDelayMs ?? 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.timer as NodeJS.Timeout);
    this.timer = undefined;
    this.abort?.abort();
    await this.running;
  }

  /** The delay before the next cycle after `failures` consecutive failures. */
  nextDelay(failures: number): number {
    if (failures === 0) return this.options.intervalMs;
    const initial = this.options.initialBackoffMs ?? 5_000;
    const max = this.options.maxBackoffMs ?? 300_000;
    return Math.min(max, initial * 2 ** (failures - 1));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const set = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.timer = set(() => {
      this.timer = undefined;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    const { logger, name } = this.options;
    const started = Date.now();
    try {
      await this.options.task(this.abort?.signal ?? new AbortController().signal);
      if (this.failures > 0) logger.info({ task: name, afterFailures: this.failures }, 'recovered');
      this.failures = 0;
      logger.debug({ task: name, ms: Date.now() - started }, 'cycle done');
    } catch (error) {
      if (this.options.isFatal?.(error as Error) === true) {
        this.stopped = true;
        logger.error({ task: name, err: (error as Error).message }, 'cycle failed; not retrying');
        this.options.onFatal?.(error as Error);
        return;
      }
      this.failures += 1;
      const retryInMs = this.nextDelay(this.failures);
      if (!this.stopped)
        logger.warn(
          { task: name, err: (error as Error).message, failures: this.failures, retryInMs },
          'cycle failed',
        );
    } finally {
      this.cycles += 1;
    }
    this.schedule(this.nextDelay(this.failures));
  }
}
