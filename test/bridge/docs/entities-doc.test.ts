/**
 * docs/ENTITIES.md: its entity table is generated from the entity catalog, so it cannot drift.
 * Regenerate with `UPDATE_DOCS=1 node --import tsx --test test/bridge/docs/entities-doc.test.ts`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENTITY_CATALOG, entityId, type EntitySpec } from '../../../bridge/publish/entity-catalog.js';
import { snapshotFixture } from '../fixtures/snapshot.js';
import { checkGeneratedSection, readDoc } from './doc-sections.js';

/** Every attribute an entity can carry besides HA's own; a new one fails here until it is documented. */
export const ATTRIBUTE_DOCS: Readonly<Record<string, string>> = {
  since:
    'energy totals: ISO time the total counts from (start of the heating season); alarm: ISO time the active alarm started, null when none',
  spf_boundary: 'SEPEMO boundary of the seasonal figure (`H1`-`H4`), null when unknown',
  boundary: 'SEPEMO boundary (`H1`-`H4`), null when no SPF can be given',
  boundary_description: 'the boundary in words',
  starts_per_hour: 'starts per hour of known compressor state',
  mean_cycle_minutes: 'mean length of complete cycles, min',
  mean_duration_minutes: 'mean hot-water cycle length, min',
  roles_found: 'canonical roles with data in 24 h',
  stale_roles: 'roles whose latest value is older than the staleness limit',
  skipped_samples: 'bad samples skipped in 24 h (NaN, duplicates, counter resets ...)',
  code: 'latest alarm code (null: no code register)',
  text: "the code's text from the brand's alarm table (English)",
  severity: '`info`, `warning`, `error` or `critical` while active, else null',
  code_is_last: 'true when the code register keeps the LAST alarm after it clears (IVT BA91)',
};

function cell(value: string | undefined): string {
  return value === undefined || value === '' ? '' : `\`${value}\``;
}

function extraAttributes(spec: EntitySpec): string[] {
  return Object.keys(spec.attributes?.(snapshotFixture()) ?? {});
}

export function entityTable(): string {
  const rows = ENTITY_CATALOG.map((e) => {
    const attrs = extraAttributes(e)
      .map((a) => `\`${a}\``)
      .join(', ');
    const flags = [
      e.monotonic === 'total' ? 'never decreases' : '',
      e.monotonic === 'daily' ? 'resets daily' : '',
    ]
      .filter((f) => f !== '')
      .join('');
    return `| \`${entityId(e, 'heatpump')}\` | ${e.name} | ${cell(e.unit)} | ${cell(e.deviceClass)} | ${cell(e.stateClass)}${flags ? ` (${flags})` : ''} | ${e.description} | ${attrs} |`;
  });
  return [
    '| entity id | name | unit | device_class | state_class | meaning | extra attributes |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function attributeTable(): string {
  const used = new Set(ENTITY_CATALOG.flatMap(extraAttributes));
  return [
    '| attribute | meaning |',
    '|---|---|',
    ...[...used].sort().map((a) => `| \`${a}\` | ${ATTRIBUTE_DOCS[a] ?? ''} |`),
  ].join('\n');
}

export function metricKeys(): string {
  const sensors = ENTITY_CATALOG.filter((e) => e.kind === 'sensor').length;
  return [
    `${ENTITY_CATALOG.length} entities: ${sensors} sensors and ${ENTITY_CATALOG.length - sensors} binary sensors.`,
    'Their keys, as `publish.metrics` takes them:',
    '',
    ENTITY_CATALOG.map((e) => `\`${e.key}\``).join(', '),
  ].join('\n');
}

describe('docs/ENTITIES.md', () => {
  it('every extra attribute of the catalog is documented', () => {
    const missing = ENTITY_CATALOG.flatMap(extraAttributes).filter((a) => ATTRIBUTE_DOCS[a] === undefined);
    assert.deepEqual(missing, []);
  });

  it('the entity table is the catalog (generated)', async () => {
    await checkGeneratedSection('ENTITIES.md', 'entity-table', entityTable());
    await checkGeneratedSection('ENTITIES.md', 'attribute-table', attributeTable());
  });

  it('lists the number of entities and every metric key for publish.metrics (generated)', async () => {
    await checkGeneratedSection('ENTITIES.md', 'metric-keys', metricKeys());
    assert.match(readDoc('ENTITIES.md'), /## Entities/);
  });
});
