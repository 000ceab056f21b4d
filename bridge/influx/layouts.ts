import { isRole, type Role } from '../../src/model/index.js';
import { aggregateForRole } from '../sources/aggregate.js';
import type { SourceConfig } from '../config/schema.js';
import type { QueryPlan, SignalSelector } from './query-plan.js';

/**
 * Turns the `source` section of the config into a query plan (DESIGN.md section 4).
 *
 * - husdata: rows keyed by register name (the `name` tag); the brand provider maps names to roles.
 * - home-assistant / custom: rows keyed by canonical role directly.
 */

/** husdata `type` tag values that are states, codes or counters: aggregated with `last`, not `mean`. */
export const HUSDATA_LAST_TYPES: readonly string[] = ['status', 'alarm', 'energy', 'runtime', 'setting'];

export const HUSDATA_DEFAULT_MEASUREMENT = 'heatpump';

export interface PlanOptions {
  source: SourceConfig;
  /** husdata: register names the brand provider knows; empty reads every name. */
  knownNames?: readonly string[];
}

export function planForSource(options: PlanOptions): QueryPlan {
  const { source } = options;
  switch (source.layout) {
    case 'husdata':
      return {
        kind: 'tagged',
        measurement: source.measurement ?? HUSDATA_DEFAULT_MEASUREMENT,
        field: source.field,
        keyTag: source.name_tag,
        keys: options.knownNames ?? [],
        lastWhen: { tag: 'type', values: HUSDATA_LAST_TYPES },
      };
    case 'home-assistant':
      return {
        kind: 'signals',
        signals: Object.entries(source.entities).map(([role, id]) => haSignal(role, id, source)),
      };
    case 'custom':
      return {
        kind: 'signals',
        signals: Object.entries(source.signals).map(([role, s]) => ({
          key: checkedRole(role),
          measurement: s.measurement,
          field: s.field,
          tags: s.tags,
          aggregate: aggregateForRole(checkedRole(role)),
        })),
      };
  }
}

/**
 * HA's InfluxDB integration stores the object id in the `entity_id` tag and the domain in
 * `domain` (sensor.outdoor_temperature -> domain=sensor, entity_id=outdoor_temperature).
 */
function haSignal(role: string, entityId: string, source: SourceConfig): SignalSelector {
  const dot = entityId.indexOf('.');
  const domain = entityId.slice(0, dot);
  const objectId = entityId.slice(dot + 1);
  const r = checkedRole(role);
  return {
    key: r,
    measurement: source.measurement,
    field: source.field,
    tags: { domain, entity_id: objectId },
    // binary_sensor on/off is stored as 1/0; averaging it would invent fractional states.
    aggregate: domain === 'binary_sensor' ? 'last' : aggregateForRole(r),
  };
}

function checkedRole(role: string): Role {
  // The config schema has already rejected unknown roles; this guards direct callers.
  if (!isRole(role)) throw new RangeError(`unknown role ${JSON.stringify(role)}`);
  return role;
}
