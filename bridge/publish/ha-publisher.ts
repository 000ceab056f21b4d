import type { Logger } from '../log/logger.js';
import { HaAuthError, type StateWriter } from './ha-rest.js';
import type { HaSessionLike } from './ha-session.js';
import type { Publisher, PublishResult } from './publisher.js';
import type { EntityState } from './state-builder.js';

export type { PublishResult } from './publisher.js';

export interface HaPublisherOptions {
  writer: StateWriter;
  session: HaSessionLike;
  logger: Logger;
  /** Parallel REST writes; a few keep a cycle short without flooding HA. */
  concurrency?: number;
}

/**
 * Writes entity states and remembers the latest set: REST states vanish when HA restarts, so on
 * every (re)connect or `homeassistant_started` the whole set is written again at once.
 */
export class HaPublisher implements Publisher {
  private readonly options: HaPublisherOptions;
  private latest: EntityState[] = [];
  private unsubscribe: (() => void) | undefined;
  private inFlight: Promise<PublishResult> | undefined;
  /** Times the full set was republished because HA (re)connected. */
  republishes = 0;

  constructor(options: HaPublisherOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    this.unsubscribe = this.options.session.onReady(() => {
      if (this.latest.length === 0) return;
      this.republishes += 1;
      void this.publish(this.latest).catch((error: unknown) =>
        this.options.logger.warn({ err: (error as Error).message }, 'republish failed'),
      );
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.inFlight?.catch(() => undefined);
  }

  get lastStates(): readonly EntityState[] {
    return this.latest;
  }

  /** Writes all states; HaAuthError is thrown (fatal), other failures are counted and logged. */
  async publish(states: readonly EntityState[]): Promise<PublishResult> {
    this.latest = [...states];
    const run = this.writeAll(states);
    this.inFlight = run;
    try {
      return await run;
    } finally {
      if (this.inFlight === run) this.inFlight = undefined;
    }
  }

  private async writeAll(states: readonly EntityState[]): Promise<PublishResult> {
    const queue = [...states];
    let written = 0;
    let failed = 0;
    let firstError: Error | undefined;
    let authError: HaAuthError | undefined;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && authError === undefined; next = queue.shift()) {
        try {
          await this.options.writer.write(next);
          written += 1;
        } catch (error) {
          failed += 1;
          if (error instanceof HaAuthError) authError = error;
          firstError ??= error as Error;
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 4 }, () => worker()));
    if (authError !== undefined) throw authError;
    if (failed > 0)
      this.options.logger.warn(
        { written, failed, err: firstError?.message },
        'some states were not published',
      );
    return { written, failed };
  }
}
