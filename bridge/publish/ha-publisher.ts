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
  /**
   * The whole set is written at least this often, changed or not (default 10 min; 0 = every
   * publish writes every state). In between, a state HA already has from us is left out.
   */
  keepAliveMs?: number;
  now?: () => number;
}

/** Every state at least every 10 min: repairs states changed or lost behind our back. */
export const DEFAULT_KEEP_ALIVE_MS = 10 * 60_000;

/**
 * Writes entity states and remembers the latest set: REST states vanish when HA restarts, so on
 * every (re)connect or `homeassistant_started` the whole set is written again at once.
 * A state whose value and attributes equal the last successful write of that entity is left out
 * (HA's state machine ignores an identical write anyway: last_changed / last_updated stay), except
 * on a republish and on the keep-alive pass every `keepAliveMs`, which write the whole set.
 */
export class HaPublisher implements Publisher {
  private readonly options: HaPublisherOptions;
  private latest: EntityState[] = [];
  private unsubscribe: (() => void) | undefined;
  private inFlight: Promise<PublishResult> | undefined;
  /** entity_id -> state and attributes (JSON) of the last write HA acknowledged. */
  private readonly acknowledged = new Map<string, string>();
  /** Bumped on every (re)connect: writes that started before it must not mark states as known. */
  private generation = 0;
  private fullAt = Number.NEGATIVE_INFINITY;
  /** Times the full set was republished because HA (re)connected. */
  republishes = 0;

  constructor(options: HaPublisherOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    this.unsubscribe = this.options.session.onReady(() => {
      // HA may have lost every state (restart): forget what it had, then write the whole set.
      this.generation += 1;
      this.acknowledged.clear();
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

  /**
   * Writes the states HA does not have from us yet (all of them on the keep-alive pass);
   * HaAuthError is thrown (fatal), other failures are counted and logged.
   */
  async publish(states: readonly EntityState[]): Promise<PublishResult> {
    this.latest = [...states];
    const now = (this.options.now ?? Date.now)();
    const full = now - this.fullAt >= (this.options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS);
    const keyed = states.map((state) => ({ state, key: stateKey(state) }));
    const pending = full ? keyed : keyed.filter((k) => this.acknowledged.get(k.state.entity_id) !== k.key);
    // A failed write is forgotten (acknowledged.delete), so it is retried without another full pass.
    if (full) this.fullAt = now;
    const run = this.writeAll(pending).then((result) => ({
      ...result,
      skipped: states.length - pending.length,
    }));
    this.inFlight = run;
    try {
      return await run;
    } finally {
      if (this.inFlight === run) this.inFlight = undefined;
    }
  }

  private async writeAll(states: readonly { state: EntityState; key: string }[]): Promise<PublishResult> {
    const queue = [...states];
    const generation = this.generation;
    let written = 0;
    let failed = 0;
    let firstError: Error | undefined;
    let authError: HaAuthError | undefined;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && authError === undefined; next = queue.shift()) {
        try {
          await this.options.writer.write(next.state);
          written += 1;
          if (generation === this.generation) this.acknowledged.set(next.state.entity_id, next.key);
        } catch (error) {
          failed += 1;
          // The write may or may not have landed: HA's value is unknown, so write it next time.
          this.acknowledged.delete(next.state.entity_id);
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

/** What identifies a write: state and attributes (attributes are built in a fixed key order). */
function stateKey(state: EntityState): string {
  return JSON.stringify([state.state, state.attributes]);
}
