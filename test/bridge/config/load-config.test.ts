import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../../bridge/config/config-error.js';
import { loadConfig } from '../../../bridge/config/load-config.js';

/** A fake file system: path -> text. */
function files(map: Record<string, string>): (path: string) => Promise<string> {
  return async (path) => {
    const text = map[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives documented defaults with no file and no env', async () => {
    const c = await loadConfig({ env: {} });
    assert.equal(c.brand, 'thermia');
    assert.equal(c.source.layout, 'husdata');
    assert.equal(c.source.sample_interval_seconds, 30);
    assert.equal(c.influxdb.url, 'http://localhost:8086');
    assert.equal(c.influxdb.language, 'auto');
    assert.equal(c.publish.interval_seconds, 30);
    assert.equal(c.publish.long_range_full_refresh_hours, 24);
    assert.equal(c.publish.recent_range_full_refresh_minutes, 15);
    assert.equal(c.publish.device_slug, 'heatpump');
    assert.equal(c.metrics.flow_factor_kw_per_k, 2.7);
    assert.equal(c.timezone, 'UTC');
  });

  it('reads the YAML file and lets the environment override it', async () => {
    const yaml =
      'brand: nibe\ninfluxdb:\n  url: http://db:8086\n  bucket: hp\npublish:\n  interval_seconds: 10\n';
    const c = await loadConfig({
      path: '/etc/bridge.yaml',
      env: { INFLUXDB_BUCKET: 'other', HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS: '60' },
      readTextFile: files({ '/etc/bridge.yaml': yaml }),
    });
    assert.equal(c.brand, 'nibe');
    assert.equal(c.influxdb.url, 'http://db:8086');
    assert.equal(c.influxdb.bucket, 'other');
    assert.equal(c.publish.interval_seconds, 60);
  });

  it('accepts the original system environment unchanged plus HA_URL/HA_TOKEN', async () => {
    const c = await loadConfig({
      env: {
        INFLUXDB_URL: 'http://influxdb:8086',
        INFLUXDB_TOKEN: 'tok-influx',
        INFLUXDB_ORG: 'thermia',
        INFLUXDB_BUCKET: 'heatpump',
        HEATPUMP_BRAND: 'ivt',
        HA_URL: 'http://ha:8123',
        HA_TOKEN: 'tok-ha',
      },
    });
    assert.deepEqual(
      [c.influxdb.url, c.influxdb.token, c.influxdb.org, c.influxdb.bucket, c.brand],
      ['http://influxdb:8086', 'tok-influx', 'thermia', 'heatpump', 'ivt'],
    );
    assert.deepEqual([c.homeassistant.url, c.homeassistant.token], ['http://ha:8123', 'tok-ha']);
  });

  it('names from the environment stay strings even when they look like numbers', async () => {
    const c = await loadConfig({
      env: {
        HEATPUMP_BRIDGE__INFLUXDB__DATABASE: '2024',
        HEATPUMP_BRIDGE__INFLUXDB__RETENTION_POLICY: '365',
        HEATPUMP_BRIDGE__INFLUXDB__DOWNSAMPLE_BUCKET: '5',
        HEATPUMP_BRIDGE__INFLUXDB__DOWNSAMPLE_RETENTION_POLICY: '30',
        HEATPUMP_BRIDGE__INFLUXDB__DOWNSAMPLE_WINDOW_MINUTES: '30',
      },
    });
    assert.deepEqual(
      [
        c.influxdb.database,
        c.influxdb.retention_policy,
        c.influxdb.downsample_bucket,
        c.influxdb.downsample_retention_policy,
        c.influxdb.downsample_window_minutes,
      ],
      ['2024', '365', '5', '30', 30],
    );
  });

  it('reads secrets from *_FILE paths and strips the trailing newline', async () => {
    const c = await loadConfig({
      env: { INFLUXDB_TOKEN_FILE: '/run/secrets/influx', HA_TOKEN_FILE: '/run/secrets/ha' },
      readTextFile: files({ '/run/secrets/influx': 'abc123\n', '/run/secrets/ha': 'def456\r\n' }),
    });
    assert.equal(c.influxdb.token, 'abc123');
    assert.equal(c.homeassistant.token, 'def456');
  });

  it('an env token replaces a token_file from the file (one secret, two spellings)', async () => {
    const c = await loadConfig({
      path: 'c.yaml',
      env: { INFLUXDB_TOKEN: 'from-env' },
      readTextFile: files({ 'c.yaml': 'influxdb:\n  token_file: /nope\n' }),
    });
    assert.equal(c.influxdb.token, 'from-env');
  });

  it('uses the Supervisor token and proxy URL inside the add-on when no HA token is set', async () => {
    const c = await loadConfig({ env: { SUPERVISOR_TOKEN: 'sup-tok' } });
    assert.equal(c.homeassistant.token, 'sup-tok');
    assert.equal(c.homeassistant.url, 'http://supervisor/core');
  });

  it('ignores a TZ that is not a zone name (e.g. :/etc/localtime)', async () => {
    assert.equal((await loadConfig({ env: { TZ: ':/etc/localtime' } })).timezone, 'UTC');
    assert.equal((await loadConfig({ env: { TZ: 'Europe/Stockholm' } })).timezone, 'Europe/Stockholm');
  });
});

describe('loadConfig bad config', () => {
  it('names a missing config file', async () => {
    const e = await configError(loadConfig({ path: '/missing.yaml', env: {}, readTextFile: files({}) }));
    assert.match(e.message, /cannot read config file \/missing\.yaml: ENOENT/);
  });

  it('names the line of invalid YAML', async () => {
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': 'brand: [nibe\ninfluxdb: {' }) }),
    );
    assert.match(e.message, /c\.yaml is not valid YAML at line \d+/);
  });

  it('rejects a YAML file that is not a mapping', async () => {
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': '- a\n- b\n' }) }),
    );
    assert.match(e.message, /must hold a mapping/);
  });

  it('names the key path of a wrong type and where it came from', async () => {
    const e = await configError(
      loadConfig({
        path: 'c.yaml',
        env: {},
        readTextFile: files({ 'c.yaml': 'publish:\n  interval_seconds: soon\n' }),
      }),
    );
    assert.equal(e.problems.length, 1);
    assert.deepEqual(e.problems[0], {
      path: 'publish.interval_seconds',
      message: 'expected number, got string',
      origin: 'c.yaml',
    });
  });

  it('takes 0 for the full long-range re-read (always in full) and names a negative one', async () => {
    const ok = await loadConfig({ env: { HEATPUMP_BRIDGE__PUBLISH__LONG_RANGE_FULL_REFRESH_HOURS: '0' } });
    assert.equal(ok.publish.long_range_full_refresh_hours, 0);
    const e = await configError(
      loadConfig({
        path: 'c.yaml',
        env: {},
        readTextFile: files({ 'c.yaml': 'publish:\n  long_range_full_refresh_hours: -1\n' }),
      }),
    );
    assert.equal(e.problems[0]?.path, 'publish.long_range_full_refresh_hours');
    assert.equal(e.problems[0]?.origin, 'c.yaml');
  });

  it('names an unknown brand with the allowed values and the env var that set it', async () => {
    const e = await configError(loadConfig({ env: { HEATPUMP_BRAND: 'daikin' } }));
    assert.equal(
      e.message,
      'config error at brand (from env HEATPUMP_BRAND): must be one of "thermia", "ivt", "nibe", "generic"',
    );
  });

  it('rejects a bad URL', async () => {
    const e = await configError(loadConfig({ env: { HA_URL: 'not a url' } }));
    assert.equal(e.problems[0]?.path, 'homeassistant.url');
    assert.match(e.message, /must be an http:\/\/ or https:\/\/ URL/);
    const ftp = await configError(loadConfig({ env: { INFLUXDB_URL: 'ftp://db:21' } }));
    assert.equal(ftp.problems[0]?.path, 'influxdb.url');
  });

  it('reports a misspelt key by its full path', async () => {
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': 'influxdb:\n  bukcet: hp\n' }) }),
    );
    assert.equal(e.problems[0]?.path, 'influxdb.bukcet');
    assert.match(e.message, /unknown key/);
  });

  it('reports every problem at once', async () => {
    const yaml = 'brand: 7\npublish:\n  interval_seconds: -1\n  device_slug: "Heat Pump!"\n';
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': yaml }) }),
    );
    assert.deepEqual(e.problems.map((p) => p.path).sort(), [
      'brand',
      'publish.device_slug',
      'publish.interval_seconds',
    ]);
  });

  it('requires the entities of the home-assistant layout and known role names', async () => {
    const empty = await configError(
      loadConfig({ env: { HEATPUMP_BRAND: 'generic', HEATPUMP_BRIDGE__SOURCE__LAYOUT: 'home-assistant' } }),
    );
    assert.equal(empty.problems[0]?.path, 'source.entities');
    const yaml =
      'brand: generic\nsource:\n  layout: home-assistant\n  entities:\n    outside: sensor.outdoor\n';
    const bad = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': yaml }) }),
    );
    assert.equal(bad.problems[0]?.path, 'source.entities.outside');
    assert.match(bad.message, /unknown role; known roles: outdoor_temp/);
  });

  it('rejects an entity id that is not one', async () => {
    const yaml =
      'brand: generic\nsource:\n  layout: home-assistant\n  entities:\n    outdoor_temp: "sensor.x\\" or 1"\n';
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': yaml }) }),
    );
    assert.equal(e.problems[0]?.path, 'source.entities.outdoor_temp');
  });

  it('rejects identifiers with newlines', async () => {
    const e = await configError(loadConfig({ env: { INFLUXDB_BUCKET: 'hp\n|> drop()' } }));
    assert.equal(e.problems[0]?.path, 'influxdb.bucket');
    assert.match(e.message, /control characters or newlines/);
  });

  it('names a secret file that cannot be read or is empty', async () => {
    const missing = await configError(
      loadConfig({ env: { HA_TOKEN_FILE: '/run/secrets/nope' }, readTextFile: files({}) }),
    );
    assert.equal(missing.problems[0]?.path, 'homeassistant.token_file');
    const empty = await configError(
      loadConfig({ env: { HA_TOKEN_FILE: '/s' }, readTextFile: files({ '/s': '\n' }) }),
    );
    assert.match(empty.message, /secret file \/s is empty/);
  });

  it('rejects token and token_file together in one file', async () => {
    const yaml = 'homeassistant:\n  token: a\n  token_file: /b\n';
    const e = await configError(
      loadConfig({ path: 'c.yaml', env: {}, readTextFile: files({ 'c.yaml': yaml }) }),
    );
    assert.equal(e.problems[0]?.path, 'homeassistant.token_file');
  });

  it('never puts a secret value into the error message', async () => {
    const e = await configError(loadConfig({ env: { HA_TOKEN: 'super-secret-token', HA_URL: 'nope' } }));
    assert.doesNotMatch(e.message, /super-secret-token/);
  });
});
