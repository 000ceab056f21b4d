/**
 * HACS ("Dashboard" plugin): hacs.json holds only keys HACS's manifest schema accepts
 * (custom_components/hacs/utils/validate.py rejects extra keys), names the bundle rollup builds,
 * and the release workflow attaches exactly that file as the release asset HACS prefers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../harness/process.js';

/** HACS_MANIFEST_JSON_SCHEMA keys (hacs/integration @32493557). */
const HACS_KEYS = [
  'name',
  'content_in_root',
  'country',
  'filename',
  'hacs',
  'hide_default_branch',
  'homeassistant',
  'persistent_directory',
  'render_readme',
  'zip_release',
];
/** Integration-only per the HACS docs; wrong in a plugin repository. */
const INTEGRATION_ONLY = ['zip_release', 'persistent_directory'];

const hacs = JSON.parse(readFileSync(join(REPO_ROOT, 'hacs.json'), 'utf8')) as Record<string, unknown>;

describe('hacs.json and the release workflow', () => {
  it('uses only HACS manifest keys, with a name, the bundle file name and a minimum HA version', () => {
    assert.deepEqual(
      Object.keys(hacs).filter((k) => !HACS_KEYS.includes(k) || INTEGRATION_ONLY.includes(k)),
      [],
    );
    assert.equal(typeof hacs.name, 'string');
    assert.equal(hacs.filename, 'heatpump-cards.js');
    assert.equal(hacs.render_readme, true);
    assert.match(String(hacs.homeassistant), /^\d{4}\.\d{1,2}\.\d+(b0)?$/);
  });

  it('the filename is what rollup builds', () => {
    const rollup = readFileSync(join(REPO_ROOT, 'rollup.config.mjs'), 'utf8');
    assert.ok(rollup.includes(`'dist/${String(hacs.filename)}'`));
  });

  it('the release workflow builds the cards and uploads dist/<filename> to the published release', () => {
    const wf = parseYaml(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      on: { release: { types: string[] } };
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    assert.deepEqual(wf.on.release.types, ['published']);
    assert.equal(wf.permissions.contents, 'write');
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    const build = runs.findIndex((r) => r.includes('npm run build:cards'));
    const upload = runs.findIndex((r) => r.includes('gh release upload'));
    assert.ok(build >= 0 && upload > build);
    assert.match(runs[upload] ?? '', new RegExp(`dist/${String(hacs.filename).replace('.', '\\.')}\\b`));
    assert.equal(basename(`dist/${String(hacs.filename)}`), hacs.filename);
  });
});
