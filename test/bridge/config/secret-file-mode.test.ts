import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../bridge/config/load-config.js';
import { inlineSecretKeys, secretFileModeWarning } from '../../../bridge/config/secret-file-mode.js';

const TOKEN = 'ha-secret-token-value-123';

describe('config files holding secrets', () => {
  it('lists only the inline secrets that are set', () => {
    assert.deepEqual(
      inlineSecretKeys({ influxdb: { token: 'x', url: 'u' }, homeassistant: { token_file: '/run/s' } }),
      ['influxdb.token'],
    );
    assert.deepEqual(inlineSecretKeys({ mqtt: { password: '' } }), []);
  });

  it('warns for group- or world-readable modes only, naming keys and never values', () => {
    const secretKeys = ['homeassistant.token'];
    assert.equal(secretFileModeWarning({ path: 'b.yaml', mode: 0o100600, secretKeys }), undefined);
    const warning = secretFileModeWarning({ path: 'b.yaml', mode: 0o100644, secretKeys });
    assert.match(
      warning ?? '',
      /b\.yaml holds homeassistant\.token and is readable by other users \(mode 644\)/,
    );
    assert.equal(secretFileModeWarning({ path: 'b.yaml', mode: 0o100644, secretKeys: [] }), undefined);
  });

  it('loadConfig warns about a real 0644 file with a token, and not after chmod 600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-mode-'));
    try {
      const path = join(dir, 'bridge.yaml');
      await writeFile(path, `homeassistant:\n  url: http://127.0.0.1:8123\n  token: ${TOKEN}\n`);
      await chmod(path, 0o644);
      const warnings: string[] = [];
      await loadConfig({ path, env: {}, onWarning: (m) => warnings.push(m) });
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /homeassistant\.token/);
      assert.ok(!warnings[0]?.includes(TOKEN), 'the token value is never printed');
      await chmod(path, 0o600);
      warnings.length = 0;
      await loadConfig({ path, env: {}, onWarning: (m) => warnings.push(m) });
      assert.deepEqual(warnings, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
