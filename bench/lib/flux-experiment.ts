/**
 * Query-shape experiment behind docs/PERFORMANCE.md (bridge section): the same 30-day aggregation
 * in several Flux shapes against a real InfluxDB 2.7 seeded with 30 s data, to see which shapes
 * InfluxDB pushes down to storage. node --import tsx bench/lib/flux-experiment.ts [--days 30]
 */
import { parseArgs } from 'node:util';
import { configSchema } from '../../bridge/config/schema.js';
import { buildFluxQuery } from '../../bridge/influx/flux-query.js';
import { planForSource } from '../../bridge/influx/layouts.js';
import { providerFor } from '../../bridge/pipeline/create-parts.js';
import { providerMapper } from '../../bridge/sources/row-mapper.js';
import { LineWriter } from '../../bridge/demo/line-writer.js';
import { simulateCommand } from '../../bridge/demo/simulate-command.js';
import { startInfluxV2 } from '../../test/harness/influxdb.js';

const { values } = parseArgs({ options: { days: { type: 'string', default: '30' } } });
const days = Number(values.days);
const v2 = await startInfluxV2();
try {
  const now = Math.floor(Date.now() / 30_000) * 30_000;
  const w = new LineWriter({ url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket });
  const t0 = Date.now();
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
  console.log(`seeded ${days} d in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const config = configSchema.parse({
    brand: 'thermia',
    influxdb: { url: v2.url, token: v2.token, org: v2.org, bucket: v2.bucket },
  });
  const plan = planForSource({
    source: config.source,
    knownNames: providerMapper({ provider: providerFor(config), restrictToKnownNames: true }).knownKeys,
  });
  const windowMs = 300_000;
  const from = Math.floor((now - days * 86_400_000) / windowMs) * windowMs;
  const current = buildFluxQuery({ bucket: v2.bucket, plan, range: { from, to: now, windowMs } });
  const head = current.slice(current.indexOf('from('), current.indexOf('\n  |> filter'));
  // The shape before the fix: the mean stream excluded the `last` types with `not (a or b)`.
  const before = current.replace(
    /\|> filter\(fn: \(r\) => \((r\["type"\] != "[^"]+"(?: and r\["type"\] != "[^"]+")*)\)\)/,
    (_m, inner: string) =>
      `|> filter(fn: (r) => not ((${inner.replaceAll(' != ', ' == ').replaceAll(' and ', ' or ')})))`,
  );
  if (before === current) throw new Error('could not rebuild the old query shape');
  const variants: Record<string, string> = {
    'before: mean stream filtered with not (a or b)': before,
    'after: mean stream filtered with a != and b != (bridge now)': current,
    'one stream, mean only, timeSrc _start': `${head}\n  |> filter(fn: (r) => r._measurement == "heatpump" and r._field == "value")\n  |> aggregateWindow(every: 5m, fn: mean, timeSrc: "_start", createEmpty: false)\n  |> map(fn: (r) => ({_time: r._time, _value: float(v: r._value), key: r.name}))\n  |> group()\n`,
    'one stream, mean only, default timeSrc': `${head}\n  |> filter(fn: (r) => r._measurement == "heatpump" and r._field == "value")\n  |> aggregateWindow(every: 5m, fn: mean, createEmpty: false)\n  |> map(fn: (r) => ({_time: r._time, _value: float(v: r._value), key: r.name}))\n  |> group()\n`,
    'count of raw points (scan only)': `${head}\n  |> filter(fn: (r) => r._measurement == "heatpump" and r._field == "value")\n  |> count()\n  |> group()\n  |> sum()\n`,
  };
  for (const [name, query] of Object.entries(variants)) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      const res = await fetch(`${v2.url}/api/v2/query?org=${v2.org}`, {
        method: 'POST',
        headers: {
          authorization: `Token ${v2.token}`,
          'content-type': 'application/vnd.flux',
          accept: 'text/csv',
          // As the bridge's client reads it: uncompressed.
          'accept-encoding': 'identity',
        },
        body: query,
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`${name}: ${body.slice(0, 300)}`);
      bytes = body.length;
      if (i > 0) ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(52)} median ${ms[1]!.toFixed(0).padStart(6)} ms  (${ms.map((m) => m.toFixed(0)).join(', ')})  ${bytes} bytes`,
    );
  }
} finally {
  await v2.stop();
}
