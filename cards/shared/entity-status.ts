import { isUnavailable } from '../data/parse-state.js';
import type { CardDataSource } from '../data/data-source.js';
import type { HassLike } from '../data/hass-types.js';
import type { CardRole } from './default-entities.js';

export interface EntityStatus {
  /** roles whose entity exists and has a usable state */
  available: CardRole[];
  /** entity ids that do not exist at all */
  missing: string[];
  /** entity ids that exist but are unavailable/unknown */
  unavailable: string[];
}

/** Sorts a card's entities into usable, missing and unavailable, from `hass` or any data source. */
export function entityStatus(
  entities: Partial<Record<CardRole, string>>,
  lookup: { hass?: HassLike; source?: CardDataSource },
): EntityStatus {
  const status: EntityStatus = { available: [], missing: [], unavailable: [] };
  for (const [role, id] of Object.entries(entities) as Array<[CardRole, string]>) {
    const state = lookup.hass ? lookup.hass.states[id]?.state : lookup.source?.current(id)?.state;
    const exists = lookup.hass ? id in lookup.hass.states : lookup.source?.current(id) !== undefined;
    if (!exists) status.missing.push(id);
    else if (isUnavailable(state)) status.unavailable.push(id);
    else status.available.push(role);
  }
  return status;
}

/** True when a new `hass` changes anything the card shows: its entities, dark mode or language. */
export function hassTouchesCard(
  oldHass: HassLike | undefined,
  newHass: HassLike | undefined,
  entityIds: string[],
): boolean {
  if (!oldHass || !newHass) return oldHass !== newHass;
  if (oldHass.themes?.darkMode !== newHass.themes?.darkMode) return true;
  if (languageOf(oldHass) !== languageOf(newHass)) return true;
  return entityIds.some((id) => oldHass.states[id] !== newHass.states[id]);
}

/**
 * What of a card's entities the card header reports: missing, unavailable, or present with a unit.
 * Equal shapes mean a new `hass` only brought new values (live appends).
 */
export function hassShape(hass: HassLike, entityIds: string[]): string {
  return entityIds
    .map((id) => {
      const entity = hass.states[id];
      if (!entity) return 'missing';
      const unit = entity.attributes?.unit_of_measurement ?? '';
      return `${isUnavailable(entity.state) ? 'unavailable' : 'ok'}|${unit}`;
    })
    .join(',');
}

export function languageOf(hass: HassLike | undefined): string | undefined {
  return hass?.locale?.language ?? hass?.language;
}
