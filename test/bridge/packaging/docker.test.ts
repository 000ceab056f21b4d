/**
 * The Docker image and the compose example, without Docker: the Dockerfile's build copies what
 * the build needs and runs the package's own bin as a non-root user, and the compose file's
 * environment + mounted config load into the bridge config the InfluxDB service is set up for.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { main } from '../../../bridge/cli/main.js';
import { loadConfig } from '../../../bridge/config/load-config.js';
import { REPO_ROOT } from '../../harness/process.js';

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}
const composeDir = join(REPO_ROOT, 'examples');
const compose = parseYaml(readFileSync(join(composeDir, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

/** Compose's `${VAR:?msg}` / `${VAR:-default}` interpolation with the given .env values. */
function interpolate(value: string, dotEnv: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = dotEnv[name];
    if (v !== undefined && v !== '') return v;
    if (op === '-') return arg ?? '';
    throw new Error(`compose needs ${name}: ${arg ?? ''}`);
  });
}

describe('Dockerfile', () => {
  it('is multi-stage on node:20 and builds with npm ci', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    assert.equal(froms.length, 2);
    for (const f of froms) assert.match(f, /^FROM node:20-[a-z]+-slim\b/);
    assert.ok(instructions.some((l) => /^RUN npm ci\b/.test(l)));
    assert.ok(instructions.some((l) => /npm run build\b.*npm prune --omit=dev/.test(l)));
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    const sources = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    assert.ok(sources.length >= 5);
    for (const src of sources) {
      if (src.includes('*')) continue;
      assert.ok(existsSync(join(REPO_ROOT, src)), `${src} exists`);
      assert.ok(!ignored.includes(src.split('/')[0] ?? ''), `${src} is not in .dockerignore`);
    }
  });

  it("runs the package's bin as the unprivileged node user with `run` by default", () => {
    const user = instructions.filter((l) => l.startsWith('USER '));
    assert.deepEqual(user, ['USER node']);
    const entry = instructions.find((l) => l.startsWith('ENTRYPOINT '));
    assert.equal(entry, `ENTRYPOINT ["node", "${pkg.bin['heatpump-bridge']}"]`);
    assert.equal(
      instructions.find((l) => l.startsWith('CMD ')),
      'CMD ["run"]',
    );
    assert.match(dockerfile, /HEATPUMP_BRIDGE_CONFIG=\/config\/bridge\.yaml/);
  });

  it('the empty /config/bridge.yaml the image ships with is a valid config (everything from env)', async () => {
    const config = await loadConfig({
      env: { HEATPUMP_BRIDGE_CONFIG: '/config/bridge.yaml', HA_TOKEN: 'tok-1234', INFLUXDB_BUCKET: 'hp' },
      readTextFile: async () => '',
    });
    assert.equal(config.influxdb.bucket, 'hp');
    assert.equal(config.homeassistant.token, 'tok-1234');
  });
});

describe('examples/docker-compose.yml', () => {
  const dotEnv = {
    INFLUXDB_TOKEN: 'influx-token-from-dotenv',
    HA_URL: 'http://ha.lan:8123',
    HA_TOKEN: 'ha-tok',
  };

  it('the bridge service loads its mounted config + environment into what InfluxDB is set up with', async () => {
    const bridge = compose.services.bridge;
    const influx = compose.services.influxdb?.environment ?? {};
    assert.ok(bridge?.environment && bridge.volumes);
    const env = Object.fromEntries(
      Object.entries(bridge.environment).map(([k, v]) => [k, interpolate(String(v), dotEnv)]),
    );
    // Host path of each container path the service mounts.
    const mounts = new Map(
      bridge.volumes.map((v) => {
        const [host = '', container = ''] = v.split(':');
        return [container, join(composeDir, host)];
      }),
    );
    const config = await loadConfig({
      env,
      readTextFile: async (p) => {
        const host = mounts.get(p);
        if (host === undefined) throw Object.assign(new Error(`not mounted: ${p}`), { code: 'ENOENT' });
        return readFileSync(host, 'utf8');
      },
    });
    assert.equal(config.influxdb.url, 'http://influxdb:8086');
    assert.equal(config.influxdb.org, influx.DOCKER_INFLUXDB_INIT_ORG);
    assert.equal(config.influxdb.bucket, influx.DOCKER_INFLUXDB_INIT_BUCKET);
    assert.equal(config.influxdb.token, 'influx-token-from-dotenv');
    assert.equal(interpolate(String(influx.DOCKER_INFLUXDB_INIT_ADMIN_TOKEN), dotEnv), config.influxdb.token);
    // The environment secret replaced the example file's token_file.
    assert.equal(config.influxdb.token_file, undefined);
    assert.equal(config.homeassistant.url, 'http://ha.lan:8123');
    assert.equal(config.homeassistant.token, 'ha-tok');
    assert.match(compose.services.influxdb?.image ?? '', /^influxdb:2\.7/);
  });

  it('refuses to start without the secrets in .env', () => {
    assert.throws(() => interpolate(String(compose.services.bridge?.environment?.HA_TOKEN), {}), /HA_TOKEN/);
  });

  it('the simulator service runs the same image with options the simulate command knows', async () => {
    const sim = compose.services.simulator;
    assert.equal(sim?.image, compose.services.bridge?.image);
    let help = '';
    const code = await main(['simulate', '--help'], {
      env: {},
      stdout: { write: (t: string) => (help += t) },
      stderr: { write: () => true },
      shutdownSignal: () => new Promise(() => undefined),
    });
    assert.equal(code, 0);
    assert.equal(sim?.command?.[0], 'simulate');
    for (const flag of (sim?.command ?? []).filter((a) => a.startsWith('--')))
      assert.ok(help.includes(flag), flag);
  });
});
