import type { StateWriter } from '../publish/ha-rest.js';
import type { HaSessionLike } from '../publish/ha-session.js';

/**
 * Stand-ins for Home Assistant when the demo runs without one: the bridge builds and "publishes"
 * its states as usual, and the dashboard reads them from the publisher. Nothing leaves the process.
 */
export function localSession(): HaSessionLike {
  return {
    start: async () => undefined,
    stop: async () => undefined,
    onReady: () => () => undefined,
    connected: false,
    haVersion: undefined,
    command: async () => {
      throw new Error('the demo runs without Home Assistant');
    },
  };
}

export function localWriter(): StateWriter {
  return { write: async () => undefined };
}
