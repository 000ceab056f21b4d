import { roleInfo } from '../model/role.js';
import type { Role } from '../model/role.js';
import { TRUTH_ROLE_NAMES, truthValue } from './canonical.js';
import type { SimFrame } from './frame.js';
import type { InfluxPoint } from './influx-point.js';
import type { SimBrand } from './options.js';

/** Roles HA would show as binary sensors (on/off); HA's InfluxDB integration stores them as 1/0. */
const BINARY_ROLES: ReadonlySet<Role> = new Set([
  'compressor',
  'valve',
  'brine_pump',
  'heating_pump',
  'alarm_active',
]);

/** Display precision of the simulated HA sensors: a state changes (and is written) only beyond it. */
function precision(role: Role): number {
  const kind = roleInfo(role).kind;
  if (kind === 'temperature') return 0.1;
  if (kind === 'energy') return 0.01;
  if (role === 'aux_heater') return 0.1;
  return 1;
}

export interface HomeAssistantLayoutOptions {
  brand: SimBrand;
  /** Object-id prefix of the entities, default the brand (as an integration would name them). */
  prefix?: string;
  roles?: readonly Role[];
}

/**
 * Frames -> what Home Assistant's InfluxDB integration writes for the simulated pump's entities:
 * measurement = unit of measurement (the full entity id when there is none), tags `domain` and
 * `entity_id` (object id without the domain), field `value` (binary sensors 1/0 plus a `state`
 * string). HA records state changes only, so a point is written when the displayed value changes:
 * the irregular, change-only sampling the metrics must handle. Keeps the last state across calls,
 * so consecutive chunks give the same points as one call.
 */
export class HomeAssistantLayout {
  /** role -> entity id, the `source.entities` map a bridge config needs to read these points. */
  readonly entities: Readonly<Partial<Record<Role, string>>>;
  private readonly roles: readonly Role[];
  private readonly last = new Map<Role, number>();

  constructor(private readonly options: HomeAssistantLayoutOptions) {
    const prefix = options.prefix ?? options.brand;
    this.roles = options.roles ?? TRUTH_ROLE_NAMES;
    const entities: Partial<Record<Role, string>> = {};
    for (const role of this.roles)
      entities[role] = `${BINARY_ROLES.has(role) ? 'binary_sensor' : 'sensor'}.${prefix}_${role}`;
    this.entities = entities;
  }

  points(frames: readonly SimFrame[]): InfluxPoint[] {
    const out: InfluxPoint[] = [];
    for (const f of frames) {
      for (const role of this.roles) {
        const raw = truthValue(f, role, this.options.brand);
        if (raw === undefined || !Number.isFinite(raw)) continue;
        const step = precision(role);
        const value = Math.round(raw / step) * step;
        const shown = Number(value.toFixed(step < 1 ? Math.round(-Math.log10(step)) : 0));
        if (this.last.get(role) === shown) continue;
        this.last.set(role, shown);
        out.push(this.point(role, shown, f.t));
      }
    }
    return out;
  }

  private point(role: Role, value: number, t: number): InfluxPoint {
    const entityId = this.entities[role] ?? '';
    const dot = entityId.indexOf('.');
    const domain = entityId.slice(0, dot);
    const unit = roleInfo(role).unit;
    const fields: Record<string, number | string> = { value };
    if (domain === 'binary_sensor') fields.state = value > 0 ? 'on' : 'off';
    return {
      measurement: unit === '' ? entityId : unit,
      tags: { domain, entity_id: entityId.slice(dot + 1) },
      fields,
      t,
    };
  }
}
