import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
