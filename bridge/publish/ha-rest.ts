import type { EntityState } from './state-builder.js';

export interface StateWriter {
  /** Creates or replaces one entity state. */
  write(state: EntityState): Promise<void>;
}

export interface HaRestOptions {
  url: string;
  token: string;
  timeoutMs: number;
}

/** HA answered 401/403: a wrong or non-admin token. Retrying does not help. */
export class HaAuthError extends Error {
  constructor(detail: string) {
    super(
      `Home Assistant rejected the token (${detail}); check homeassistant.token, it must belong to an admin user`,
    );
    this.name = 'HaAuthError';
  }
}

export class HaUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HaUnavailableError';
  }
}

/**
 * REST `POST /api/states/<entity_id>`: HA's only way to set an arbitrary state (admin only).
 * Every POST replaces all attributes, so the full attribute set is always sent.
 */
export function createHaRestWriter(options: HaRestOptions): StateWriter {
  const base = options.url.replace(/\/+$/, '');
  return {
    async write(state) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/states/${encodeURIComponent(state.entity_id)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ state: state.state, attributes: state.attributes }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new HaUnavailableError(
          `Home Assistant at ${base} is not reachable: ${(error as Error).message}`,
        );
      }
      const body = await response.text();
      if (response.status === 401 || response.status === 403)
        throw new HaAuthError(`HTTP ${response.status}`);
      if (response.status !== 200 && response.status !== 201)
        throw new HaUnavailableError(
          `POST /api/states/${state.entity_id}: HTTP ${response.status} ${body.slice(0, 200)}`,
        );
    },
  };
}
