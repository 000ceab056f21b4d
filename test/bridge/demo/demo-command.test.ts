import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoCommand } from '../../../bridge/demo/demo-command.js';
import type { CliIo } from '../../../bridge/cli/cli-io.js';

test('demo prints where to open the page, serves it, and stops on the shutdown signal', async () => {
  const out: string[] = [];
  let stop: (signal: string) => void = () => undefined;
  let printedUrl: (url: string) => void = () => undefined;
  const urlPrinted = new Promise<string>((resolve) => (printedUrl = resolve));
  const io: CliIo = {
    env: {},
    stdout: {
      write: (s: string) => {
        out.push(s);
        const m = /Open the dashboard: (\S+)/.exec(s);
        if (m?.[1]) printedUrl(m[1]);
      },
    },
    stderr: { write: () => undefined },
    shutdownSignal: () => new Promise((resolve) => (stop = resolve)),
  };
  const finished = demoCommand({
    io,
    brand: 'ivt',
    source: 'ground',
    seed: 4,
    days: 2,
    host: '127.0.0.1',
    port: 0,
    intervalSeconds: 30,
    useInflux: false,
    publishToHa: false,
  });
  const url = await urlPrinted;
  assert.match(url, /^http:\/\/localhost:\d+\/$/);
  const config = (await (await fetch(`${url}api/config`)).json()) as { brand: string; source: string };
  assert.equal(config.brand, 'ivt');
  assert.match(config.source, /simulator \(ivt, seed 4\)/);
  const data = (await (await fetch(`${url}api/initial-data?range=1h`)).json()) as {
    kpi: Record<string, number | null>;
    states: unknown[];
  };
  assert.ok(data.states.length > 20);
  assert.equal(typeof data.kpi.cop_today, 'number', 'the bridge computed COP today from simulated data');
  stop('SIGINT');
  assert.equal(await finished, 0);
  const text = out.join('');
  assert.match(text, /Simulating 2 days of a ivt ground-source heat pump \(seed 4\)/);
  assert.match(text, /Press Ctrl\+C to stop/);
  assert.match(text, /Stopping/);
  await assert.rejects(fetch(`${url}api/config`), 'the server is gone after stop');
});

test('demo refuses bad flags before starting anything', async () => {
  const io: CliIo = {
    env: {},
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    shutdownSignal: () => new Promise(() => undefined),
  };
  const base = {
    io,
    brand: 'thermia',
    source: 'ground',
    seed: 1,
    days: 2,
    host: '127.0.0.1',
    port: 0,
    intervalSeconds: 30,
    useInflux: false,
    publishToHa: false,
  };
  await assert.rejects(demoCommand({ ...base, brand: 'daikin' }), /--brand/);
  await assert.rejects(demoCommand({ ...base, port: 70000 }), /--port/);
  await assert.rejects(demoCommand({ ...base, days: 0 }), /--days/);
});
