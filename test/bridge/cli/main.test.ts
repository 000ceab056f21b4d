import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CliIo } from '../../../bridge/cli/cli-io.js';
import { EXIT } from '../../../bridge/cli/exit-codes.js';
import { main } from '../../../bridge/cli/main.js';

function fakeIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    env,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    shutdownSignal: () => new Promise(() => undefined),
    out: () => out,
    err: () => err,
  };
}

describe('heatpump-bridge CLI', () => {
  it('--help lists the four commands and exits 0', async () => {
    const io = fakeIo();
    assert.equal(await main(['--help'], io), EXIT.ok);
    for (const cmd of ['run', 'check', 'report', 'backfill'])
      assert.match(io.out(), new RegExp(`\\n  ${cmd}\\b`));
  });

  it('no command prints help and exits with the usage code', async () => {
    const io = fakeIo();
    assert.equal(await main([], io), EXIT.usage);
    assert.match(io.out() + io.err(), /Usage: heatpump-bridge/);
  });

  it('an unknown option is a usage error', async () => {
    const io = fakeIo();
    assert.equal(await main(['check', '--frobnicate'], io), EXIT.usage);
    assert.match(io.err(), /unknown option '--frobnicate'/);
  });

  it('bad config exits 2 and names the key, for every command', async () => {
    for (const args of [
      ['run'],
      ['check'],
      ['report', '--from', '2025-01-01'],
      ['backfill', '--from', '2025-01-01'],
    ]) {
      const io = fakeIo({ HEATPUMP_BRAND: 'daikin' });
      assert.equal(await main(args, io), EXIT.config, args.join(' '));
      assert.match(io.err(), /config error at brand \(from env HEATPUMP_BRAND\)/);
    }
  });

  it('a missing config file exits 2', async () => {
    const io = fakeIo();
    assert.equal(await main(['check', '--config', '/nonexistent/bridge.yaml'], io), EXIT.config);
    assert.match(io.err(), /cannot read config file \/nonexistent\/bridge\.yaml/);
  });

  it('report needs --from and rejects a date that is not one', async () => {
    const missing = fakeIo();
    assert.equal(await main(['report'], missing), EXIT.usage);
    assert.match(missing.err(), /--from/);
    const bad = fakeIo();
    assert.equal(await main(['report', '--from', 'yesterday-ish', '--log-level', 'silent'], bad), EXIT.usage);
    assert.match(bad.err(), /--from: not an ISO 8601 date/);
  });

  it('check reports an unreachable InfluxDB and a missing HA token with exit 1', async () => {
    const io = fakeIo({
      INFLUXDB_URL: 'http://127.0.0.1:1',
      INFLUXDB_BUCKET: 'hp',
      HEATPUMP_BRIDGE__LOG__LEVEL: 'silent',
    });
    assert.equal(await main(['check'], io), EXIT.failure);
    assert.match(io.out(), /config: ok/);
    assert.match(io.out(), /influxdb: FAILED, InfluxDB at http:\/\/127\.0\.0\.1:1 is not reachable/);
    assert.match(io.out(), /homeassistant: FAILED, no token/);
  });
});

describe('heatpump-bridge bad config: exit 2 and the key named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, yaml: string): string => {
    const path = join(dir, name);
    writeFileSync(path, yaml);
    return path;
  };
  const base = { HA_TOKEN: 'secret-ha-token', INFLUXDB_BUCKET: 'hp', HEATPUMP_BRIDGE__LOG__LEVEL: 'silent' };

  async function expectConfigError(args: string[], env: NodeJS.ProcessEnv, line: string): Promise<void> {
    const io = fakeIo(env);
    assert.equal(await main(args, io), EXIT.config, `${args.join(' ')}: ${io.err()}`);
    assert.ok(io.err().split('\n').includes(line), `expected the line\n  ${line}\nin\n${io.err()}`);
    assert.equal(io.out(), '', 'nothing on stdout');
    assert.ok(!io.err().includes('secret-ha-token'), 'no token in the message');
  }

  it('bad URL (env)', async () => {
    await expectConfigError(
      ['run'],
      { ...base, HA_URL: 'homeassistant.local:8123' },
      'config error at homeassistant.url (from env HA_URL): must be an http:// or https:// URL',
    );
  });

  it('unknown brand (file)', async () => {
    const path = file('brand.yaml', 'brand: daikin\n');
    await expectConfigError(
      ['run', '--config', path],
      base,
      `config error at brand (from ${path}): must be one of "thermia", "ivt", "nibe", "generic"`,
    );
  });

  it('wrong type (file, nested key)', async () => {
    const path = file('type.yaml', 'publish:\n  interval_seconds: soon\n');
    await expectConfigError(
      ['report', '--config', path, '--from', '2025-01-01'],
      base,
      `config error at publish.interval_seconds (from ${path}): expected number, got string`,
    );
  });

  it('out of range (generic env name)', async () => {
    const io = fakeIo({ ...base, HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS: '0' });
    assert.equal(await main(['run'], io), EXIT.config);
    assert.match(
      io.err(),
      /^config error at publish\.interval_seconds \(from env HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS\): /m,
    );
  });

  it('missing key: no HA token for run and backfill', async () => {
    const env = { INFLUXDB_BUCKET: 'hp', HEATPUMP_BRIDGE__LOG__LEVEL: 'silent' };
    const line =
      'error: config error at homeassistant.token: is required (set HA_TOKEN, HA_TOKEN_FILE, homeassistant.token or homeassistant.token_file)';
    await expectConfigError(['run'], env, line);
    await expectConfigError(['backfill', '--from', '2025-01-01', '--no-progress'], env, line);
  });

  it('missing key: Flux without a bucket', async () => {
    await expectConfigError(
      ['report', '--from', '2025-01-01'],
      { HEATPUMP_BRIDGE__INFLUXDB__LANGUAGE: 'flux', HEATPUMP_BRIDGE__LOG__LEVEL: 'silent' },
      'config error at influxdb.bucket: Flux needs a bucket (or database[/retention_policy])',
    );
  });

  it('every problem of one file at once, each with its key', async () => {
    const path = file('many.yaml', 'brand: 7\ninfluxdb:\n  url: influx\n  bukcet: hp\n');
    const io = fakeIo(base);
    assert.equal(await main(['check', '--config', path], io), EXIT.config);
    const keys = io
      .err()
      .split('\n')
      .filter((l) => l.startsWith('config error at '))
      .map((l) => l.split(' ')[3]);
    assert.deepEqual(keys.sort(), ['brand', 'influxdb.bukcet', 'influxdb.url']);
  });
});
