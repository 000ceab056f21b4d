/**
 * Bridge benches (issue 8, items 3-5) against real services from the test harness:
 * InfluxDB 2.7 (Flux), InfluxDB 1.x (InfluxQL), Home Assistant 2024.3.
 *
 *  - seed: one year of 30 s Thermia data (husdata layout) into both databases, one simulation pass.
 *  - cycle: per range 1 h .. 365 d, the raw query alone (floor) and the bridge cycle (query + compute
 *    + publish to HA), per flavour, in a child process (bench/bridge-cycle-worker.ts) whose peak RSS
 *    is the bridge's; then the production Cycle (recent + long ranges) as `run` wires it.
 *  - latency + long run: two real `heatpump-bridge run` processes (interval 30 s and 1 s) against the
 *    Flux bucket; a point is written to InfluxDB and the time until HA's subscribe_entities shows it
 *    is measured for both; the 1 s bridge's RSS is sampled from /proc for the whole run.
 *
 *  - the cycle again through the downsampled copy (influxdb.downsample_*, 5-min windows): the
 *    copy filled from the year first (timed step by step), the floor then being the same pieces
 *    the source reads (raw | copy | raw) as plain queries.
 *
 * node --import tsx bench/bridge.ts [--days 365] [--sections cycle,latency] [--repeats 7]
 *   [--flavours flux,influxql,flux-copy,influxql-copy,influxql-copy30]
 *   [--latency-samples 6] [--longrun-seconds 180]
 * Writes bench/results/bridge-cycle.json, bench/results/bridge-latency.json, bench/results/bridge-longrun.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { subscribeEntities, type HassEntities } from 'home-assistant-js-websocket';
import { LineWriter } from '../bridge/demo/line-writer.js';
import { connectHomeAssistant } from '../test/harness/ha-socket.js';
import { REPO_ROOT } from '../test/harness/process.js';
import { seed, startServices, V1_DATABASE, type Services } from './lib/services.js';
// @ts-expect-error plain .mjs helper
import { fmt, spread, summary, table, writeResult } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    sections: { type: 'string', default: 'cycle,latency' },
    repeats: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '2' },
    'latency-samples': { type: 'string', default: '6' },
    'longrun-seconds': { type: 'string', default: '180' },
    flavours: { type: 'string', default: 'flux,influxql,flux-copy,influxql-copy' },
  },
});
const sections = new Set(args.sections.split(','));
const DAY = 86_400_000;
const H = 3_600_000;
const RANGES = [
  { name: '1 h', ms: H },
  { name: '24 h', ms: DAY },
  { name: '7 d', ms: 7 * DAY },
  { name: '30 d', ms: 30 * DAY },
  { name: '365 d', ms: 365 * DAY },
].filter((r) => r.ms <= Number(args.days) * DAY);

/**
 * `flux`, `influxql`, or either with `-copy` (the downsampled copy at the language's default
 * window) or `-copyN` (N-min windows): each copy gets its own bucket / retention policy `copy_<N>m`.
 */
interface Flavour {
  flavour: 'flux' | 'influxql';
  copyMinutes: number | undefined;
  /** The window was named (`-copyN`) and is set in the config; otherwise the default applies. */
  explicit: boolean;
}

function parseFlavour(name: string): Flavour {
  const m = /^(flux|influxql)(?:-copy(\d+)?)?$/.exec(name);
  if (m === null) throw new Error(`unknown flavour ${name}`);
  const flavour = m[1] as Flavour['flavour'];
  // `-copy`: the language's default window (downsample-runner.ts), `-copyN`: N minutes.
  const copyMinutes = name.includes('-copy') ? Number(m[2] ?? (flavour === 'flux' ? 5 : 30)) : undefined;
  return { flavour, copyMinutes, explicit: m[2] !== undefined };
}

/** The copy's bucket (InfluxDB 2) or retention policy (InfluxDB 1), as a user would create it. */
async function createCopyLocation(s: Services, f: Flavour, name: string): Promise<void> {
  const res =
    f.flavour === 'flux'
      ? await fetch(`${s.v2.url}/api/v2/buckets`, {
          method: 'POST',
          headers: { authorization: `Token ${s.v2.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ orgID: s.v2.orgID, name, retentionRules: [] }),
        })
      : await fetch(`${s.v1.url}/query`, {
          method: 'POST',
          body: new URLSearchParams({
            q: `CREATE RETENTION POLICY "${name}" ON "${V1_DATABASE}" DURATION INF REPLICATION 1`,
          }),
        });
  if (!res.ok) throw new Error(`create ${name}: ${res.status} ${await res.text()}`);
}

const log = (s: string) => process.stderr.write(`[bench:bridge] ${s}\n`);

async function cycleSection(s: Services, now: number, seeded: unknown) {
  const plainV2 = { url: s.v2.url, token: s.v2.token, org: s.v2.org, bucket: s.v2.bucket };
  const plainV1 = { url: s.v1.url, database: V1_DATABASE };
  const flavours = args.flavours.split(',').map(parseFlavour);
  const results = [];
  for (const f of flavours) {
    const copyName = `copy_${f.copyMinutes}m`;
    const copy = f.copyMinutes !== undefined;
    if (copy) await createCopyLocation(s, f, copyName);
    const base = f.flavour === 'flux' ? plainV2 : plainV1;
    const influxdb = !copy
      ? base
      : {
          ...base,
          [f.flavour === 'flux' ? 'downsample_bucket' : 'downsample_retention_policy']: copyName,
          ...(f.explicit ? { downsample_window_minutes: f.copyMinutes } : {}),
        };
    const server = f.flavour === 'flux' ? `${s.v2.version} (Flux` : `${s.v1.version} (InfluxQL`;
    const label = `InfluxDB ${server}${copy ? `, ${f.copyMinutes}-min copy` : ''})`;
    log(`cycle worker: ${label}`);
    const input = {
      flavour: f.flavour,
      copy,
      influxdb,
      ha: { url: s.ha.url, token: s.ha.token },
      now,
      ranges: RANGES,
      warmup: Number(args.warmup),
      repeats: Number(args.repeats),
    };
    const out = await runNode(['--import', 'tsx', 'bench/bridge-cycle-worker.ts'], {
      BENCH_INPUT: JSON.stringify(input),
    });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    results.push({ ...result, label, flavour: copy ? `${f.flavour}+copy${f.copyMinutes}` : f.flavour });
  }
  const rows: string[][] = [];
  const json = [];
  for (const r of results) {
    const day = r.ranges.find((x: { range: string }) => x.range === '24 h');
    const dayCycle = day ? summary(day.cycleMs).median : NaN;
    for (const x of r.ranges) {
      const raw = summary(x.rawMs);
      const cyc = summary(x.cycleMs);
      const q = summary(x.queryMs);
      const c = summary(x.computeMs);
      const p = summary(x.publishMs);
      const overheadPct = (100 * (q.median - raw.median)) / raw.median;
      json.push({
        flavour: r.flavour,
        server: r.label,
        range: x.range,
        windowMs: x.windowMs,
        rows: x.rows,
        rawBytes: x.rawBytes,
        raw,
        cycle: cyc,
        query: q,
        compute: c,
        publish: p,
        queryOverRawPct: overheadPct,
        cycleOverRawPct: (100 * (cyc.median - raw.median)) / raw.median,
        vs24h: cyc.median / dayCycle,
      });
      rows.push([
        r.flavour,
        x.range,
        `${x.windowMs / 1000} s`,
        String(x.rows),
        spread(raw),
        spread(q),
        fmt(c.median),
        fmt(p.median),
        spread(cyc),
        `${fmt(overheadPct, 0)} %`,
        `${fmt(cyc.median / dayCycle, 2)}x`,
      ]);
    }
  }
  console.log(
    '\nBridge cycle per range (ms, median (min-max) of ' +
      args.repeats +
      ' runs after ' +
      args.warmup +
      ' warm-up)',
  );
  console.log(
    table(
      [
        'db',
        'range',
        'window',
        'rows',
        'raw query (floor)',
        'source fetch',
        'compute',
        'publish',
        'cycle',
        'fetch over raw',
        'cycle / 24 h',
      ],
      rows,
    ),
  );
  const prod: string[][] = [];
  for (const r of results) {
    if (r.downsample !== undefined)
      prod.push([
        r.flavour,
        `copy filled: ${r.downsample.steps.length} steps`,
        fmt(r.downsample.totalMs),
        '',
        '',
      ]);
    for (const [label, v] of Object.entries(
      (r.production ?? {}) as Record<string, { ms: number[]; longRows: number[]; recentRows: number[] }>,
    )) {
      prod.push([
        r.flavour,
        label,
        spread(summary(v.ms)),
        fmt(summary(v.recentRows).median),
        fmt(summary(v.longRows).median),
      ]);
    }
    prod.push([r.flavour, 'peak RSS of the worker (MiB)', fmt(r.peakRssMiB), '', '']);
  }
  console.log('\nProduction cycle (recent 25 h at 30 s + season/31 d at >= 5 min), 30 s apart, and peak RSS');
  console.log(table(['db', 'what', 'ms / MiB', 'recent rows read', 'long rows read'], prod));
  writeResult('bridge-cycle', {
    seeded,
    now: new Date(now).toISOString(),
    ranges: json,
    downsample: results
      .filter((r) => r.downsample !== undefined)
      .map((r) => ({ flavour: r.flavour, ...r.downsample })),
    production: results.map((r) => ({
      flavour: r.flavour,
      ...Object.fromEntries(
        Object.entries(
          (r.production ?? {}) as Record<
            string,
            { ms: number[]; split: unknown[]; longRows: number[]; recentRows: number[] }
          >,
        ).map(([label, v]) => [
          label,
          { ...summary(v.ms), split: v.split, longRows: v.longRows, recentRows: v.recentRows },
        ]),
      ),
      peakRssMiB: r.peakRssMiB,
    })),
    budgets: {
      cycle24hUnder1s: json
        .filter((j) => j.range === '24 h')
        .map((j) => ({ flavour: j.flavour, ms: j.cycle.median, met: j.cycle.median < 1000 })),
      year5x24h: json
        .filter((j) => j.range === '365 d')
        .map((j) => ({ flavour: j.flavour, ratio: j.vs24h, met: j.vs24h <= 5 })),
      overheadOverRaw20pct: json.map((j) => ({
        flavour: j.flavour,
        range: j.range,
        pct: j.cycleOverRawPct,
        met: j.cycleOverRawPct <= 20,
      })),
    },
  });
}

function runNode(argv: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')} exited ${code}`)),
    );
  });
}

function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface BridgeProc {
  slug: string;
  intervalS: number;
  child: ChildProcess;
  cycles: number;
  cycleMs: number[];
  rss: { t: number; mib: number }[];
}

function startBridge(s: Services, slug: string, intervalS: number, longRefreshMin: number): BridgeProc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bridge/bin/heatpump-bridge.ts', 'run'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      INFLUXDB_URL: s.v2.url,
      INFLUXDB_TOKEN: s.v2.token,
      INFLUXDB_ORG: s.v2.org,
      INFLUXDB_BUCKET: s.v2.bucket,
      HEATPUMP_BRAND: 'thermia',
      HA_URL: s.ha.url,
      HA_TOKEN: s.ha.token,
      TZ: 'UTC',
      HEATPUMP_BRIDGE__INFLUXDB__LANGUAGE: 'flux',
      HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS: String(intervalS),
      HEATPUMP_BRIDGE__PUBLISH__LONG_RANGE_REFRESH_MINUTES: String(longRefreshMin),
      HEATPUMP_BRIDGE__PUBLISH__DEVICE_SLUG: slug,
      HEATPUMP_BRIDGE__LOG__LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p: BridgeProc = { slug, intervalS, child, cycles: 0, cycleMs: [], rss: [] };
  let buf = '';
  const onData = (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        const j = JSON.parse(line) as {
          msg?: string;
          queryMs?: number;
          computeMs?: number;
          publishMs?: number;
          level?: number | string;
        };
        if (j.msg === 'cycle published') {
          p.cycles += 1;
          p.cycleMs.push((j.queryMs ?? 0) + (j.computeMs ?? 0) + (j.publishMs ?? 0));
        } else if (j.level === 50 || j.level === 'error' || j.level === 60) log(`${slug}: ${line}`);
      } catch {
        if (line.trim() !== '') log(`${slug}: ${line}`);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return p;
}

async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function latencyAndLongRun(s: Services) {
  const started = Date.now();
  const fast = startBridge(s, 'bp1', 1, 1);
  const slow = startBridge(s, 'bp30', 30, 15);
  const sampler = setInterval(() => {
    for (const b of [fast, slow]) {
      const mib = b.child.pid !== undefined ? rssMiB(b.child.pid) : undefined;
      if (mib !== undefined) b.rss.push({ t: (Date.now() - started) / 1000, mib });
    }
  }, 1000);
  const conn = await connectHomeAssistant({ url: s.ha.url, token: s.ha.token });
  let entities: HassEntities = {};
  const waiters = new Set<() => void>();
  const unsub = subscribeEntities(conn, (e) => {
    entities = e;
    for (const w of waiters) w();
  });
  const stateOf = (slug: string) => entities[`sensor.${slug}_outdoor_temp`]?.state;
  const until = (pred: () => boolean, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      if (pred()) return resolve(true);
      const check = () => {
        if (pred()) {
          waiters.delete(check);
          clearTimeout(t);
          resolve(true);
        }
      };
      const t = setTimeout(() => {
        waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      waiters.add(check);
    });
  // Both bridges have published once before the clock starts.
  const up = await until(() => stateOf('bp1') !== undefined && stateOf('bp30') !== undefined, 120_000);
  if (!up) throw new Error('bridges did not publish within 120 s');
  log(`bridges up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const writer = new LineWriter({ url: s.v2.url, token: s.v2.token, org: s.v2.org, bucket: s.v2.bucket });
  // husdata layout, Thermia register 0007 outdoor_temp, stored in °C (scale 1).
  const key = 'heatpump,name=outdoor_temp,register_id=0007,type=temperature,unit=°C';
  const samples: { value: number; writtenAt: string; bp1Ms: number | null; bp30Ms: number | null }[] = [];
  const n = Number(args['latency-samples']);
  for (let i = 0; i < n; i++) {
    // Each point alone in its 30 s window (the recent window): the published value is the point.
    const boundary = Math.ceil((Date.now() + 500) / 30_000) * 30_000;
    // A random phase inside the window, so the 30 s scheduler's phase is sampled uniformly.
    await sleep(boundary - Date.now() + 1000 + Math.random() * 24_000);
    const value = -21 - i;
    const t0 = Date.now();
    await writer.write([`${key} value=${value} ${t0}`]);
    const seen: Record<string, number | null> = { bp1: null, bp30: null };
    await Promise.all(
      ['bp1', 'bp30'].map(async (slug) => {
        const ok = await until(() => Number(stateOf(slug)) === value, 75_000);
        seen[slug] = ok ? Date.now() - t0 : null;
      }),
    );
    samples.push({
      value,
      writtenAt: new Date(t0).toISOString(),
      bp1Ms: seen.bp1 ?? null,
      bp30Ms: seen.bp30 ?? null,
    });
    log(`latency sample ${i + 1}/${n}: 1 s -> ${seen.bp1} ms, 30 s -> ${seen.bp30} ms`);
  }
  unsub();
  conn.close();
  await stopChild(slow.child);
  // Long run: keep the 1 s bridge going until it has run for the requested time.
  const longrunMs = Number(args['longrun-seconds']) * 1000;
  while (Date.now() - started < longrunMs) await sleep(1000);
  clearInterval(sampler);
  await stopChild(fast.child);

  const lat = (k: 'bp1Ms' | 'bp30Ms') => samples.map((x) => x[k]).filter((x): x is number => x !== null);
  const l1 = summary(lat('bp1Ms'));
  const l30 = summary(lat('bp30Ms'));
  console.log('\nPublish latency: point written to InfluxDB 2 -> state in HA subscribe_entities (ms)');
  console.log(
    table(
      ['interval', 'n', 'median', 'min', 'max', 'timeouts'],
      [
        ['1 s', String(l1.n), fmt(l1.median, 0), fmt(l1.min, 0), fmt(l1.max, 0), String(n - l1.n)],
        [
          '30 s (default)',
          String(l30.n),
          fmt(l30.median, 0),
          fmt(l30.min, 0),
          fmt(l30.max, 0),
          String(n - l30.n),
        ],
      ],
    ),
  );
  writeResult('bridge-latency', { samples, interval1s: l1, interval30s: l30 });

  // RSS: warm-up = first 30 s after the first publish; compare the first and last minute's medians.
  const warm = 30 + (fast.rss.find((r) => r.mib > 0)?.t ?? 0);
  const after = fast.rss.filter((r) => r.t >= warm);
  const firstMin = summary(after.filter((r) => r.t < warm + 60).map((r) => r.mib));
  const lastT = after[after.length - 1]?.t ?? 0;
  const lastMin = summary(after.filter((r) => r.t > lastT - 60).map((r) => r.mib));
  const all = summary(after.map((r) => r.mib));
  const growthPct = (100 * (lastMin.median - firstMin.median)) / firstMin.median;
  const rangePct = (100 * (all.max - all.min)) / all.min;
  const cycleMs = summary(fast.cycleMs.slice(5));
  console.log(
    `\nLong run: heatpump-bridge run, interval 1 s, ${lastT.toFixed(0)} s, ${fast.cycles} cycles (cycle ms median ${fmt(cycleMs.median)}, max ${fmt(cycleMs.max)})`,
  );
  console.log(
    table(
      ['RSS after warm-up (MiB)', 'value'],
      [
        ['first minute median', fmt(firstMin.median)],
        ['last minute median', fmt(lastMin.median)],
        ['min .. max', `${fmt(all.min)} .. ${fmt(all.max)}`],
        ['last vs first minute', `${fmt(growthPct)} %`],
        ['(max-min)/min', `${fmt(rangePct)} %`],
      ],
    ),
  );
  writeResult('bridge-longrun', {
    intervalSeconds: 1,
    longRangeRefreshMinutes: 1,
    seconds: lastT,
    cycles: fast.cycles,
    cycleMs: { ...cycleMs, samples: undefined },
    warmupEndsAtS: warm,
    rssFirstMinute: { ...firstMin, samples: undefined },
    rssLastMinute: { ...lastMin, samples: undefined },
    rssAfterWarmup: { ...all, samples: undefined },
    growthPct,
    rangePct,
    flatWithin10pct: Math.abs(growthPct) <= 10 && rangePct <= 10,
    rssSamples: fast.rss,
  });
}

async function main() {
  log('starting InfluxDB 2, InfluxDB 1 and Home Assistant');
  const s = await startServices();
  // Ctrl-C: stop the services this bench started instead of leaving them behind.
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void s.stop().finally(() => process.exit(130)));
  log(
    `services up: influx2 ${s.v2.version} ${s.v2.url}, influx1 ${s.v1.version} ${s.v1.url}, HA ${s.ha.version} ${s.ha.url}`,
  );
  try {
    const now = Math.floor(Date.now() / 30_000) * 30_000;
    log(`seeding ${args.days} days of 30 s data into both databases`);
    const seeded = await seed(s, Number(args.days), now);
    log(`seeded in ${seeded.seconds.toFixed(1)} s: ${seeded.stdout.trim()}`);
    if (sections.has('cycle')) await cycleSection(s, now, { days: Number(args.days), ...seeded });
    if (sections.has('latency')) await latencyAndLongRun(s);
  } finally {
    await s.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
