import type { EntityState } from './state-builder.js';

export interface PublishResult {
  written: number;
  failed: number;
  /** States left out because the target already has them (ha-publisher.ts); absent = none. */
  skipped?: number;
}

/**
 * What the pipeline publishes through: REST states (ha-publisher.ts), MQTT discovery
 * (mqtt-publisher.ts) or both (fanOut). Each adapter remembers the latest set and writes it again
 * when its target comes back, counting that in `republishes`.
 */
export interface Publisher {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Writes the states (an adapter may leave out the ones the target already has); an auth error
   * is thrown (fatal), other failures are counted.
   */
  publish(states: readonly EntityState[]): Promise<PublishResult>;
  readonly lastStates: readonly EntityState[];
  /** Times the full set was written again because the target (re)connected or restarted. */
  readonly republishes: number;
}

/** Several publishers as one: every set goes to each; results add up; the first thrown error wins. */
export function fanOut(publishers: readonly Publisher[]): Publisher {
  let latest: readonly EntityState[] = [];
  return {
    async start() {
      const started: Publisher[] = [];
      try {
        for (const p of publishers) {
          await p.start();
          started.push(p);
        }
      } catch (error) {
        // The app only stops parts that started; this one did not, so undo its halves here.
        for (const p of started.reverse()) await p.stop().catch(() => undefined);
        throw error;
      }
    },
    async stop() {
      for (const p of [...publishers].reverse()) await p.stop();
    },
    async publish(states) {
      latest = [...states];
      const results = await Promise.allSettled(publishers.map((p) => p.publish(states)));
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (rejected !== undefined) throw rejected.reason;
      return results.reduce<PublishResult>(
        (sum, r) => {
          if (r.status !== 'fulfilled') return sum;
          const out: PublishResult = {
            written: sum.written + r.value.written,
            failed: sum.failed + r.value.failed,
          };
          if (sum.skipped !== undefined || r.value.skipped !== undefined)
            out.skipped = (sum.skipped ?? 0) + (r.value.skipped ?? 0);
          return out;
        },
        { written: 0, failed: 0 },
      );
    },
    get lastStates() {
      return latest;
    },
    get republishes() {
      return publishers.reduce((n, p) => n + p.republishes, 0);
    },
  };
}
