/**
 * Where the bridge's fetch time goes beyond the raw query: InfluxDB 2.7 seeded with `--days` of 30 s
 * data; per run the raw query (plain fetch, body read) and InfluxSource.fetch (the client's CSV
 * parsing + row mapping) over the same range and window; then a CPU profile of one fetch and one
 * computeSnapshot, aggregated by function (self time).
 * node --import tsx bench/lib/fetch-profile.ts [--days 30] [--window-min 5]
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { configSchema } from '../../bridge/config/schema.js';
import { buildFluxQuery } from '../../bridge/influx/flux-query.js';
import { FLUX_DIALECT } from '../../bridge/influx/flux-transport.js';
import { planForSource } from '../../bridge/influx/layouts.js';
import { computeSnapshot } from '../../bridge/pipeline/compute-snapshot.js';
import { createInfluxSource, metricOptionsFor, providerFor } from '../../bridge/pipeline/create-parts.js';
import { providerMapper } from '../../bridge/sources/row-mapper.js';
import { LineWriter } from '../../bridge/demo/line-writer.js';
import { simulateCommand } from '../../bridge/demo/simulate-command.js';
import { startInfluxV2 } from '../../test/harness/influxdb.js';

const { values } = parseArgs({
  options: { days: { type: 'string', default: '30' }, 'window-min': { type: 'string', default: '5' } },
});
const days = Number(values.days);
const windowMs = Number(values['window-min']) * 60_000;
const v2 = await startInfluxV2();
try {
  const now = Math.floor(Date.now() / 30_000) * 30_000;
  const w = new LineWriter({ url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket });
  await simulateCommand({
    io: {
      env: {},
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      shutdownSignal: () => new Promise(() => undefined),
    },
    brand: 'thermia',
    source: 'ground',
    seed: 42,
    days,
    end: new Date(now).toISOString(),
    layout: 'husdata',
    target: { url: v2.url },
    batchLines: 20_000,
    progress: false,
    writer: { target: 'x', write: (l) => w.write(l) },
  });
  const config = configSchema.parse({
    brand: 'thermia',
    timezone: 'UTC',
    influxdb: {
      url: v2.url,
      token: v2.token,
      org: v2.org,
      bucket: v2.bucket,
      language: 'flux',
      timeout_ms: 120_000,
    },
  });
  const provider = providerFor(config);
  const plan = planForSource({
    source: config.source,
    knownNames: providerMapper({ provider, restrictToKnownNames: true }).knownKeys,
  });
  const from = now - days * 86_400_000;
  const source = createInfluxSource(config);
  await source.start();
  const query = buildFluxQuery({
    bucket: v2.bucket,
    plan,
    range: { from: Math.floor(from / windowMs) * windowMs, to: now, windowMs },
  });
  const raw = async () => {
    const t = performance.now();
    const res = await fetch(`${v2.url}/api/v2/query?org=${v2.org}`, {
      method: 'POST',
      // Uncompressed, as the client asks: fetch would negotiate gzip and slow this floor by ~40 %.
      headers: {
        authorization: `Token ${v2.token}`,
        'content-type': 'application/json',
        accept: 'text/csv',
        'accept-encoding': 'identity',
      },
      body: JSON.stringify({ query, dialect: FLUX_DIALECT }),
    });
    await res.arrayBuffer();
    return performance.now() - t;
  };
  const rows: number[] = [];
  const r: number[] = [];
  const f: number[] = [];
  const c: number[] = [];
  let last: Awaited<ReturnType<typeof source.fetch>> | undefined;
  for (let i = 0; i < 6; i++) {
    const a = await raw();
    const t = performance.now();
    last = await source.fetch({ from, to: now, windowMs });
    const b = performance.now() - t;
    const t2 = performance.now();
    const series = { series: last.series, windowMs };
    computeSnapshot({ now, recent: series, long: series, options: metricOptionsFor(config), provider });
    const d = performance.now() - t2;
    if (i > 0) {
      r.push(a);
      f.push(b);
      c.push(d);
      rows.push(last.rows);
    }
  }
  const med = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor((x.length - 1) / 2)]!.toFixed(0);
  console.log(
    `${days} d at ${windowMs / 60_000} min windows, ${rows[0]} rows: raw ${med(r)} ms, InfluxSource.fetch ${med(f)} ms, computeSnapshot ${med(c)} ms  (raw ${r.map((x) => x.toFixed(0)).join(',')}; fetch ${f.map((x) => x.toFixed(0)).join(',')})`,
  );
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const phase of ['fetch', 'compute'] as const) {
    await session.post('Profiler.start');
    if (phase === 'fetch') await source.fetch({ from, to: now, windowMs });
    else {
      const s = { series: last!.series, windowMs };
      computeSnapshot({ now, recent: s, long: s, options: metricOptionsFor(config), provider });
    }
    const { profile } = await session.post('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples!.forEach((id, i) => {
      const fr = byId.get(id)!.callFrame;
      const key = `${fr.functionName || '(anonymous)'} ${fr.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${fr.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas![i] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\nprofile of one ${phase}: ${total.toFixed(0)} ms`);
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(
        `  ${v.toFixed(1).padStart(7)} ms  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k.slice(0, 110)}`,
      );
  }
  await source.stop();
} finally {
  await v2.stop();
}
