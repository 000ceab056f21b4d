/**
 * The issue-9 table of malformed config files, each through `heatpump-bridge run` as a user would
 * start it: exit 2, the key named on stderr, nothing started, no secret echoed. Cases the CLI
 * tests already pin one by one (test/bridge/cli/main.test.ts) are not repeated; this adds the
 * time zone, negative numbers and a missing secret file, and runs every row through `run`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXIT } from '../../../bridge/cli/exit-codes.js';
import { main } from '../../../bridge/cli/main.js';

const SECRET = 'config-table-secret-token';

const TABLE: { name: string; yaml: string; key: string }[] = [
  { name: 'bad time zone', yaml: 'timezone: Mars/Olympus_Mons\n', key: 'timezone' },
  { name: 'negative interval', yaml: 'publish:\n  interval_seconds: -5\n', key: 'publish.interval_seconds' },
  {
    name: 'zero heartbeat',
    yaml: 'homeassistant:\n  heartbeat_seconds: 0\n',
    key: 'homeassistant.heartbeat_seconds',
  },
  { name: 'unknown nested key', yaml: 'influxdb:\n  tokn: x\n', key: 'influxdb' },
  {
    name: 'URL without scheme',
    yaml: 'homeassistant:\n  url: homeassistant.local:8123\n',
    key: 'homeassistant.url',
  },
  {
    name: 'missing secret file',
    yaml: 'influxdb:\n  token_file: /nonexistent/influx-token\n',
    key: 'influxdb.token_file',
  },
  { name: 'list where a mapping belongs', yaml: 'source:\n  - husdata\n', key: 'source' },
];

describe('malformed config files through `run`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-table-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const row of TABLE) {
    it(`${row.name}: exit 2 naming ${row.key}`, async () => {
      const path = join(dir, `${row.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(path, row.yaml);
      let out = '';
      let err = '';
      let stopAsked = false;
      const code = await main(['--config', path, 'run'], {
        env: { HA_TOKEN: SECRET, INFLUXDB_BUCKET: 'hp', HEATPUMP_BRIDGE__LOG__LEVEL: 'silent' },
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
        shutdownSignal: () => {
          stopAsked = true;
          return new Promise(() => undefined);
        },
      });
      assert.equal(code, EXIT.config, err);
      assert.match(err, new RegExp(`config error at ${row.key.replace(/\./g, '\\.')}\\b`), err);
      assert.equal(out, '');
      assert.equal(stopAsked, false, 'run never started');
      assert.ok(!err.includes(SECRET));
    });
  }
});
