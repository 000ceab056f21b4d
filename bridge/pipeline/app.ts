import type { Logger } from '../log/logger.js';

/** Anything with a lifecycle; constructors only assign, start() connects, stop() releases. */
export interface Part {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root's lifecycle: parts start in order and stop in reverse, each stop isolated
 * so one failing part cannot keep the others running. A failed start stops what already started.
 */
export class App {
  private readonly parts: readonly Part[];
  private readonly logger: Logger;
  private started: Part[] = [];

  constructor(parts: readonly Part[], logger: Logger) {
    this.parts = parts;
    this.logger = logger;
  }

  async start(): Promise<void> {
    for (const part of this.parts) {
      try {
        await part.start();
      } catch (error) {
        this.logger.error({ part: part.name, err: (error as Error).message }, 'start failed; stopping');
        await this.stop();
        throw error;
      }
      this.started.push(part);
      this.logger.debug({ part: part.name }, 'started');
    }
  }

  async stop(): Promise<void> {
    const parts = this.started.reverse();
    this.started = [];
    for (const part of parts) {
      try {
        await part.stop();
        this.logger.debug({ part: part.name }, 'stopped');
      } catch (error) {
        this.logger.error({ part: part.name, err: (error as Error).message }, 'stop failed');
      }
    }
  }
}

export function part(name: string, target: { start(): Promise<void>; stop(): Promise<void> }): Part {
  return { name, start: () => target.start(), stop: () => target.stop() };
}
