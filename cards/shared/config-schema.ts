/**
 * Config fragments shared by every card, composed into each card's schema; the TypeScript type of a
 * card's config is inferred from its schema (one source of truth, also used by the editor form).
 */
import { CARD_ROLES, isCardRole } from './default-entities.js';
import type { CardRole } from './default-entities.js';
import * as s from './schema.js';
import type { Issue, Schema } from './schema.js';
import { RANGES } from './time-range.js';

const ENTITY_ID = /^[a-z_]+\.[a-z0-9_]+$/;

/** Role -> entity id, restricted to the roles a card uses so a typo is reported, not ignored. */
export function entitiesSchema<R extends CardRole>(roles: readonly R[]) {
  const entity = s.optional(
    s.string({ pattern: ENTITY_ID, message: 'must be an entity id like sensor.heatpump_supply_temp' }),
  );
  return s.strictObject(Object.fromEntries(roles.map((role) => [role, entity])) as Record<R, typeof entity>);
}

/** Shape every card config has; cards spread it into their own `s.strictObject`. */
export function baseConfigShape<R extends CardRole>(roles: readonly R[]) {
  return {
    type: s.string({ nonEmpty: true }),
    title: s.optional(s.string()),
    device: s.optional(
      s.string({ pattern: /^[a-z0-9_]+$/, message: 'must be lowercase letters, digits and _ only' }),
    ),
    range: s.optional(s.enumOf(RANGES)),
    sync_range: s.optional(s.boolean()),
    range_group: s.optional(s.string()),
    entities: s.optional(entitiesSchema(roles)),
    // HA adds these to any card config in sections/grid views.
    grid_options: s.optional(s.record()),
    view_layout: s.optional(s.unknown()),
    visibility: s.optional(s.unknown()),
  };
}

export interface BaseCardConfig {
  type: string;
  title?: string;
  device?: string;
  range?: (typeof RANGES)[number];
  sync_range?: boolean;
  range_group?: string;
  entities?: Partial<Record<CardRole, string>>;
}

/**
 * Validates a config and throws one readable message naming the key, e.g.
 * `heatpump-cop-card: entities.flow_temp is not a known role (this card uses: outdoor_temp, ...)`.
 */
export function parseConfig<T>(schema: Schema<T>, raw: unknown, cardName: string): T {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${cardName}: the configuration must be a mapping of keys to values`);
  }
  const result = schema.check(raw, []);
  if (result.ok) return result.value;
  const messages = result.issues.map((issue) =>
    describeIssue(issue, raw as Record<string, unknown>, cardName),
  );
  throw new Error(`${cardName}: ${messages.join('; ')}`);
}

function describeIssue(issue: Issue, raw: Record<string, unknown>, cardName: string): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    if (path === 'entities') {
      const allowed = allowedRoles(cardName);
      return keys
        .map((key) =>
          isCardRole(key)
            ? `entities.${key} is a role this card does not use (it uses: ${allowed})`
            : `entities.${key} is not a known role (this card uses: ${allowed})`,
        )
        .join('; ');
    }
    return keys.map((key) => `${path ? `${path}.` : ''}${key} is not an option of this card`).join('; ');
  }
  const value = issue.path.reduce<unknown>(
    (obj, key) => (obj && typeof obj === 'object' ? (obj as Record<PropertyKey, unknown>)[key] : undefined),
    raw,
  );
  return `${path || 'config'} ${issue.message}${value !== undefined ? ` (got ${JSON.stringify(value)})` : ''}`;
}

const ROLES_BY_CARD = new Map<string, readonly CardRole[]>();
/** Cards register their roles so error messages can list them. */
export function registerCardRoles(cardName: string, roles: readonly CardRole[]): void {
  ROLES_BY_CARD.set(cardName, roles);
}
function allowedRoles(cardName: string): string {
  return (ROLES_BY_CARD.get(cardName) ?? CARD_ROLES).join(', ');
}
