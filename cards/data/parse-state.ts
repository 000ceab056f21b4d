import { parseSampleValue } from '../../src/model/index.js';
import type { HassEntity } from './hass-types.js';
import type { LiveState } from './data-source.js';

/**
 * State text -> number with the core's parser (numbers, on/off/true/false as 1/0); anything else
 * (unavailable, unknown, text) becomes NaN, which the cards treat as a gap.
 */
export function parseStateValue(state: string): number {
  const parsed = parseSampleValue(state);
  return parsed.ok ? parsed.value : Number.NaN;
}

export function isUnavailable(state: string | undefined): boolean {
  return state === undefined || state === 'unavailable' || state === 'unknown';
}

export function liveStateFromEntity(entity: HassEntity): LiveState {
  const t = Date.parse(entity.last_updated);
  const attrs = entity.attributes ?? {};
  return {
    entityId: entity.entity_id,
    state: entity.state,
    value: parseStateValue(entity.state),
    t: Number.isFinite(t) ? t : Date.now(),
    unit: typeof attrs.unit_of_measurement === 'string' ? attrs.unit_of_measurement : undefined,
    name: typeof attrs.friendly_name === 'string' ? attrs.friendly_name : undefined,
    attributes: attrs,
  };
}
