import type { Figure, Role } from '../../src/model/index.js';
import type { Snapshot } from './snapshot.js';

/**
 * One published entity: its HA metadata and how it reads a snapshot. The table of all of them is
 * entity-catalog.ts; the builders below keep families of entities alike.
 */
export interface EntitySpec {
  /** Metric key; also the object id suffix and the name used in `publish.metrics`. */
  key: string;
  kind: 'sensor' | 'binary_sensor';
  name: string;
  /** One sentence for docs/ENTITIES.md: what the state means and over which period. */
  description: string;
  icon: string;
  deviceClass?: string;
  stateClass?: 'measurement' | 'total_increasing' | 'total';
  unit?: string;
  /** Decimal places of the published state. */
  precision?: number;
  /**
   * total: never published lower than before (an outage must not look like a meter reset);
   * daily: may only go down when the local day changes.
   */
  monotonic?: 'total' | 'daily';
  value(s: Snapshot): Figure | Figure<boolean>;
  /** Extra attributes (alarm code and text, SPF boundary ...). */
  attributes?(s: Snapshot): Record<string, unknown>;
}

/** What every builder takes: the entity's key, name, docs sentence and how it reads a snapshot. */
export interface EntityBasics {
  key: string;
  name: string;
  description: string;
  pick(s: Snapshot): Figure;
}

/** A COP or SPF: dimensionless, two decimals. */
export const cop = ({ key, name, description, pick }: EntityBasics): EntitySpec => ({
  key,
  kind: 'sensor',
  name,
  description,
  icon: 'mdi:heat-pump',
  stateClass: 'measurement',
  precision: 2,
  value: pick,
});

/** An energy counter in kWh; `total` counters carry the instant they count from. */
export const energy = ({ monotonic, ...b }: EntityBasics & { monotonic: 'total' | 'daily' }): EntitySpec => ({
  key: b.key,
  kind: 'sensor',
  name: b.name,
  description: b.description,
  icon: b.key.startsWith('heat') ? 'mdi:fire' : 'mdi:lightning-bolt',
  deviceClass: 'energy',
  stateClass: 'total_increasing',
  unit: 'kWh',
  precision: 3,
  monotonic,
  value: b.pick,
  ...(monotonic === 'total'
    ? { attributes: (s: Snapshot) => ({ since: new Date(s.energy.since).toISOString() }) }
    : {}),
});

/** A time share in %. */
export const share = ({ icon, ...b }: EntityBasics & { icon: string }): EntitySpec => ({
  key: b.key,
  kind: 'sensor',
  name: b.name,
  description: b.description,
  icon,
  stateClass: 'measurement',
  unit: '%',
  precision: 1,
  value: b.pick,
});

/** A count over the last 24 h. */
export const count = ({
  icon,
  attributes,
  ...b
}: EntityBasics & { icon: string; attributes?: EntitySpec['attributes'] }): EntitySpec => ({
  key: b.key,
  kind: 'sensor',
  name: b.name,
  description: b.description,
  icon,
  stateClass: 'measurement',
  precision: 0,
  value: b.pick,
  ...(attributes !== undefined ? { attributes } : {}),
});

/** The current value of a temperature role. */
export const temperature = (role: Role, name: string): EntitySpec => ({
  key: role,
  kind: 'sensor',
  name,
  description: `${name}: the latest value of the \`${role}\` role (unavailable when stale or not logged).`,
  icon: 'mdi:thermometer',
  deviceClass: 'temperature',
  stateClass: 'measurement',
  unit: '°C',
  precision: 1,
  value: (s) => s.current[role] ?? { status: 'unavailable', reason: `no ${role} signal in the data` },
});

/** An attribute value: the figure's number rounded, or null when unavailable. */
export function figureNumber(figure: Figure, digits: number): number | null {
  if (figure.status === 'unavailable') return null;
  const f = 10 ** digits;
  return Math.round(figure.value * f) / f;
}
