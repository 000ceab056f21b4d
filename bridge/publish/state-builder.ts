import type { Figure } from '../../src/model/index.js';
import { entityId, type EntitySpec } from './entity-catalog.js';
import type { Snapshot } from './snapshot.js';

/** One entity state as REST `POST /api/states/<entity_id>` takes it. */
export interface EntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

export interface StateBuilderOptions {
  deviceSlug: string;
  deviceName: string;
  entities: readonly EntitySpec[];
  timeZone: string;
}

/**
 * Turns a snapshot into HA states. Stateful only for the monotonic guard: it remembers the last
 * published value of each energy counter, so a total never goes down (HA would record a meter
 * reset) and a daily counter only resets when the local day changes.
 */
export class StateBuilder {
  private readonly options: StateBuilderOptions;
  private readonly lastTotals = new Map<string, { value: number; day: string }>();

  constructor(options: StateBuilderOptions) {
    this.options = options;
  }

  build(snapshot: Snapshot): EntityState[] {
    const day = localDay(snapshot.at, this.options.timeZone);
    return this.options.entities.map((spec) => this.one(spec, snapshot, day));
  }

  private one(spec: EntitySpec, snapshot: Snapshot, day: string): EntityState {
    const id = entityId(spec, this.options.deviceSlug);
    const figure = spec.value(snapshot);
    const attributes: Record<string, unknown> = {
      friendly_name: `${this.options.deviceName} ${spec.name}`,
      icon: spec.icon,
      ...(spec.deviceClass !== undefined ? { device_class: spec.deviceClass } : {}),
      ...(spec.stateClass !== undefined ? { state_class: spec.stateClass } : {}),
      // Always the same unit, also while unavailable: a unit change stops HA's statistics.
      ...(spec.unit !== undefined ? { unit_of_measurement: spec.unit } : {}),
      ...figureAttributes(figure),
      ...(spec.attributes?.(snapshot) ?? {}),
    };
    if (figure.status === 'unavailable') return { entity_id: id, state: 'unavailable', attributes };
    if (typeof figure.value === 'boolean')
      return { entity_id: id, state: figure.value ? 'on' : 'off', attributes };
    let value = figure.value;
    if (spec.monotonic !== undefined) {
      const guarded = this.guard(id, spec.monotonic, value, day);
      if (guarded !== value) attributes.held_back_value = round(value, spec.precision);
      value = guarded;
    }
    return { entity_id: id, state: formatNumber(value, spec.precision), attributes };
  }

  private guard(id: string, mode: 'total' | 'daily', value: number, day: string): number {
    const last = this.lastTotals.get(id);
    let out = value;
    if (last !== undefined && value < last.value && (mode === 'total' || last.day === day)) out = last.value;
    this.lastTotals.set(id, { value: out, day });
    return out;
  }
}

function figureAttributes(figure: Figure | Figure<boolean>): Record<string, unknown> {
  if (figure.status === 'estimated') return { estimated: true, basis: figure.basis };
  if (figure.status === 'unavailable') return { estimated: false, reason: figure.reason };
  return { estimated: false };
}

export function formatNumber(value: number, precision: number | undefined): string {
  return String(round(value, precision));
}

function round(value: number, precision: number | undefined): number {
  if (precision === undefined) return value;
  const f = 10 ** precision;
  // -0 would print as "0" anyway; Object.is keeps JSON clean.
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDay(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}
