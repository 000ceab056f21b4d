/**
 * docs/CONFIGURATION.md: the key table and the environment table are generated from the config
 * schema (descriptions included), so every key is documented with its real default. Regenerate with
 * `UPDATE_DOCS=1 node --import tsx --test test/bridge/docs/configuration-doc.test.ts`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { EXIT } from '../../../bridge/cli/exit-codes.js';
import { GENERIC_PREFIX, LEGACY_ENV } from '../../../bridge/config/env-overrides.js';
import { CONFIG_PATH_ENV, loadConfig } from '../../../bridge/config/load-config.js';
import { configSchema } from '../../../bridge/config/schema.js';
import { REPO_ROOT } from '../../harness/process.js';
import { checkGeneratedSection, readDoc } from './doc-sections.js';

interface KeyInfo {
  path: string;
  schema: z.ZodType;
  description: string | undefined;
}

/** Leaf keys of the config schema with the description of their outermost wrapper. */
export function configKeys(schema: z.ZodType = configSchema, prefix = ''): KeyInfo[] {
  const description = schema.description;
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject && prefix !== 'source.signals')
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
      configKeys(v, prefix === '' ? k : `${prefix}.${k}`),
    );
  return [{ path: prefix, schema: inner, description }];
}

function typeOf(s: z.ZodType): string {
  if (s instanceof z.ZodEnum) return (s.options as string[]).map((o) => `\`${o}\``).join(', ');
  if (s instanceof z.ZodNumber) return s.format === 'safeint' ? 'integer' : 'number';
  if (s instanceof z.ZodBoolean) return 'boolean';
  if (s instanceof z.ZodRecord) return 'map';
  if (s instanceof z.ZodUnion) return '`all` or list';
  return 'string';
}

function defaultOf(path: string): string {
  const value = path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], configSchema.parse({}));
  if (value === undefined) return '';
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return '';
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function envOf(path: string): string {
  const legacy = Object.entries(LEGACY_ENV)
    .filter(([, p]) => p.join('.') === path)
    .map(([name]) => `\`${name}\``);
  return [...legacy, `\`${GENERIC_PREFIX}${path.toUpperCase().replace(/\./g, '__')}\``].join(', ');
}

export function keyTable(): string {
  return [
    '| key | type | default | environment | meaning |',
    '|---|---|---|---|---|',
    ...configKeys().map(
      (k) =>
        `| \`${k.path}\` | ${typeOf(k.schema)} | ${defaultOf(k.path)} | ${envOf(k.path)} | ${k.description ?? ''} |`,
    ),
  ].join('\n');
}

export function legacyTable(): string {
  return [
    '| variable | sets |',
    '|---|---|',
    ...Object.entries(LEGACY_ENV).map(([name, path]) => `| \`${name}\` | \`${path.join('.')}\` |`),
  ].join('\n');
}

describe('docs/CONFIGURATION.md', () => {
  it('every config key has a description in the schema', () => {
    assert.deepEqual(
      configKeys()
        .filter((k) => !k.description)
        .map((k) => k.path),
      [],
    );
    assert.equal(configKeys().length, 58);
  });

  it('the key and environment tables are the schema (generated)', async () => {
    await checkGeneratedSection('CONFIGURATION.md', 'keys', keyTable());
    await checkGeneratedSection('CONFIGURATION.md', 'legacy-env', legacyTable());
  });

  it('documents every exit code and the config file variable', () => {
    const doc = readDoc('CONFIGURATION.md');
    for (const code of Object.values(EXIT))
      assert.match(doc, new RegExp(`\\| \`${code}\` +\\|`), String(code));
    assert.ok(doc.includes(`\`${CONFIG_PATH_ENV}\``));
  });

  it('the example configs in examples/config load (secret files stubbed)', async () => {
    for (const name of ['bridge.yaml', 'bridge-home-assistant-layout.yaml', 'bridge-influxdb1.yaml']) {
      const path = join(REPO_ROOT, 'examples', 'config', name);
      const config = await loadConfig({
        path,
        env: {},
        readTextFile: async (p) => (p === path ? readFileSync(p, 'utf8') : 'secret-from-file\n'),
      });
      assert.ok(config.brand.length > 0, name);
    }
  });
});
