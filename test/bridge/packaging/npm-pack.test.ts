/**
 * The npm package as a user gets it: the bridge compiled into a staging copy of the package,
 * `npm pack`, the tarball installed globally into a temp prefix (dependencies from the npm cache
 * first, the registry only for what is missing), and the installed `heatpump-bridge` runs.
 * The checkout's dist/ is not touched (other tests and the demo use it).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, makeTempDir, removeDir } from '../../harness/process.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
};

describe('npm package: pack, global install, heatpump-bridge --help', { timeout: 600_000 }, () => {
  let dir: string;
  let bin: string;
  let tarball: string;

  before(async () => {
    dir = await makeTempDir('heatpump-npm-pack');
    const stage = join(dir, 'stage');
    await mkdir(stage);
    for (const f of ['package.json', 'README.md']) await copyFile(join(REPO_ROOT, f), join(stage, f));
    // What `npm run build:bridge` does, into the staging copy.
    await run(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), [
      '-p',
      join(REPO_ROOT, 'tsconfig.bridge.json'),
      '--outDir',
      join(stage, 'dist'),
    ]);
    await run(process.execPath, [join(REPO_ROOT, 'scripts', 'make-bin-executable.mjs')], { cwd: stage });
    // The staging copy is built above; the package's own prepack build needs the whole checkout.
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: stage,
    });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    assert.ok(packed);
    tarball = join(dir, packed.filename);
    const prefix = join(dir, 'global');
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      { timeout: 540_000, maxBuffer: 16 << 20 },
    );
    bin = join(prefix, 'bin', 'heatpump-bridge');
  });

  after(async () => {
    if (dir !== undefined) await removeDir(dir);
  });

  it('the tarball holds the compiled bin and no sources or tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter((f) => f !== '');
    assert.ok(files.includes(`package/${pkg.bin['heatpump-bridge']}`));
    assert.ok(files.includes('package/package.json'));
    assert.deepEqual(
      files.filter((f) => /^package\/(test|bridge|src|cards)\//.test(f) || f.endsWith('.test.js')),
      [],
    );
  });

  it('`heatpump-bridge --help` from the global install lists the commands', async () => {
    const { stdout } = await run(bin, ['--help'], { env: { PATH: process.env.PATH ?? '' } });
    assert.match(stdout, /^Usage: heatpump-bridge \[options\] \[command\]/m);
    for (const command of ['run', 'check', 'report', 'backfill', 'demo', 'simulate'])
      assert.match(stdout, new RegExp(`^  ${command}\\b`, 'm'), command);
  });

  it('`heatpump-bridge --version` is the package version; the install has its dependencies', async () => {
    const { stdout } = await run(bin, ['--version']);
    assert.equal(stdout.trim(), pkg.version);
    const modules = await readdir(join(dir, 'global', 'lib', 'node_modules', pkg.name, 'node_modules'));
    assert.ok(modules.includes('mqtt'), 'mqtt installed as a dependency');
  });

  it('a bad config from the installed bin exits 2 naming the key', async () => {
    await assert.rejects(
      run(bin, ['check'], { env: { PATH: process.env.PATH ?? '', HEATPUMP_BRIDGE__PUBLISH__VIA: 'pigeon' } }),
      (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr ?? '', /publish\.via/);
        return true;
      },
    );
  });
});
