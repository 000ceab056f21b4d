import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Command } from 'commander';
import { LineWriter } from '../../../bridge/demo/line-writer.js';
import { registerDemoCommands } from '../../../bridge/demo/register-commands.js';
import { simulateCommand } from '../../../bridge/demo/simulate-command.js';
import type { CliIo } from '../../../bridge/cli/cli-io.js';
import { InfluxAuthError } from '../../../bridge/influx/influx-errors.js';

function bufferIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    shutdownSignal: () => new Promise(() => undefined),
  };
}

function collector(): {
  write(lines: readonly string[]): Promise<void>;
  target: string;
  lines: string[];
  batches: number;
} {
  const c = {
    lines: [] as string[],
    batches: 0,
    target: 'memory',
    async write(lines: readonly string[]) {
      c.batches += 1;
      c.lines.push(...lines);
    },
  };
  return c;
}

const END = '2024-01-10T00:00:00Z';

test('husdata layout: one line per register and poll, batched, with a summary', async () => {
  const io = bufferIo();
  const writer = collector();
  const code = await simulateCommand({
    io,
    brand: 'thermia',
    source: 'ground',
    seed: 1,
    days: 1,
    end: END,
    layout: 'husdata',
    target: { url: 'http://unused', bucket: 'b' },
    batchLines: 5000,
    progress: false,
    writer,
  });
  assert.equal(code, 0);
  const registers = new Set(writer.lines.map((l) => /register_id=(\w+)/.exec(l)?.[1]));
  const polls = new Set(writer.lines.map((l) => l.split(' ').at(-1)));
  assert.equal(polls.size, 2880);
  assert.equal(writer.lines.length, registers.size * 2880);
  assert.equal(writer.batches, Math.ceil(writer.lines.length / 5000));
  assert.ok(writer.lines.every((l) => l.startsWith('heatpump,name=')));
  assert.match(io.out.join(''), new RegExp(`wrote ${writer.lines.length} points`));
});

test('home-assistant layout: change-only points and the entity map to paste into the config', async () => {
  const io = bufferIo();
  const writer = collector();
  await simulateCommand({
    io,
    brand: 'nibe',
    source: 'air',
    seed: 2,
    days: 0.5,
    end: END,
    layout: 'home-assistant',
    target: { url: 'http://unused', bucket: 'b' },
    batchLines: 1000,
    progress: false,
    writer,
  });
  assert.ok(writer.lines.length > 0 && writer.lines.length < 1440 * 20);
  assert.ok(writer.lines.some((l) => l.startsWith('°C,domain=sensor,entity_id=nibe_outdoor_temp value=')));
  const text = io.out.join('');
  assert.match(text, /layout: home-assistant/);
  assert.match(text, /outdoor_temp: sensor\.nibe_outdoor_temp/);
});

test('bad values are usage errors', async () => {
  const base = {
    io: bufferIo(),
    brand: 'thermia',
    source: 'ground',
    seed: 1,
    days: 1,
    layout: 'husdata',
    target: { url: 'http://x', bucket: 'b' },
    batchLines: 1000,
    progress: false,
    writer: collector(),
  };
  await assert.rejects(
    simulateCommand({ ...base, brand: 'daikin' }),
    /--brand must be one of thermia, ivt, nibe/,
  );
  await assert.rejects(simulateCommand({ ...base, days: 0 }), /--days/);
  await assert.rejects(simulateCommand({ ...base, layout: 'csv' }), /--layout/);
  await assert.rejects(simulateCommand({ ...base, end: 'yesterday' }), /--end: not an ISO 8601/);
});

async function withInflux(
  handler: (req: IncomingMessage, body: string) => number,
  fn: (url: string) => Promise<void>,
): Promise<void> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.statusCode = handler(req, body);
      res.end(res.statusCode >= 400 ? '{"message":"nope"}' : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

test('LineWriter speaks the 2.x and 1.x write APIs and retries transient failures', async () => {
  const seen: Array<{ url: string; auth: string | undefined; body: string }> = [];
  let failures = 1;
  await withInflux(
    (req, body) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      if (failures > 0) {
        failures -= 1;
        return 503;
      }
      return 204;
    },
    async (url) => {
      await new LineWriter({ url, token: 'tkn', org: 'home', bucket: 'heatpump' }).write([
        'a value=1 1',
        'a value=2 2',
      ]);
      await new LineWriter({
        url: `${url}/`,
        database: 'hp',
        retentionPolicy: 'autogen',
        username: 'u',
        password: 'p',
      }).write(['b value=1 1']);
    },
  );
  assert.equal(seen.length, 3, 'one retry after the 503');
  assert.equal(seen[1]?.url, '/api/v2/write?bucket=heatpump&precision=ms&org=home');
  assert.equal(seen[1]?.auth, 'Token tkn');
  assert.equal(seen[1]?.body, 'a value=1 1\na value=2 2');
  assert.equal(seen[2]?.url, '/write?db=hp&precision=ms&rp=autogen');
  assert.equal(seen[2]?.auth, `Basic ${Buffer.from('u:p').toString('base64')}`);
});

test('LineWriter throws InfluxAuthError at once on 401', async () => {
  let calls = 0;
  await withInflux(
    () => {
      calls += 1;
      return 401;
    },
    async (url) => {
      await assert.rejects(
        new LineWriter({ url, token: 'bad', bucket: 'b' }).write(['x value=1 1']),
        InfluxAuthError,
      );
    },
  );
  assert.equal(calls, 1);
});

test('the CLI wiring: simulate needs a target and maps errors to exit codes', async () => {
  const run = async (
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ code: number; io: ReturnType<typeof bufferIo> }> => {
    const io = bufferIo(env);
    let code = -1;
    const program = new Command('heatpump-bridge')
      .exitOverride()
      .option('-c, --config <path>')
      .option('--log-level <level>');
    program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    registerDemoCommands(program, { io, setExitCode: (c) => (code = c) });
    await program.parseAsync(args, { from: 'user' });
    return { code, io };
  };
  const noUrl = await run(['simulate', '--days', '1']);
  assert.equal(noUrl.code, 2);
  assert.match(noUrl.io.err.join(''), /InfluxDB URL is required/);
  const noBucket = await run(['simulate', '--to', 'http://127.0.0.1:9'], {});
  assert.equal(noBucket.code, 2);
  assert.match(noBucket.io.err.join(''), /--bucket/);
  const badEnd = await run(['simulate', '--to', 'http://127.0.0.1:9', '--bucket', 'b', '--end', 'soon']);
  assert.equal(badEnd.code, 64);
  await assert.rejects(run(['simulate', '--seed', 'abc']), /not an integer/);
  await withInflux(
    () => 401,
    async (url) => {
      const denied = await run(
        ['simulate', '--to', url, '--bucket', 'b', '--token', 't', '--days', '0.01', '--no-progress'],
        {},
      );
      assert.equal(denied.code, 3);
    },
  );
});
