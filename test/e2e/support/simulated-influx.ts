/**
 * InfluxDB data for the end-to-end tests: the simulator (src/simulator) writes what the original
 * collector writes from a Husdata gateway, one bucket per brand; and hand-made register values
 * (an alarm, a short-cycling compressor) written over it through the same register table, so the
 * bridge reads them exactly as it reads real data.
 */
import { LineWriter } from '../../../bridge/demo/line-writer.js';
import {
  HusdataLayout,
  resolveOptions,
  startSimulation,
  type SimBrand,
  type SimFrame,
  type Simulation,
  type SimulatorInput,
} from '../../../src/simulator/index.js';
import type { Role } from '../../../src/model/index.js';
import type { InfluxV2Server } from '../../harness/influxdb.js';

const DAY = 86_400_000;

/**
 * A heating-season house whatever the date the test runs on (no annual swing, -2 °C mean), no
 * random alarms: the charts always show heating cycles and the assertions do not depend on the month.
 */
export function winterSimulation(brand: SimBrand, seed = 7): SimulatorInput {
  return {
    brand,
    seed,
    climate: { annualMeanC: -2, annualAmplitudeC: 0 },
    alarms: { perYear: 0 },
  };
}

/** Creates a bucket (infinite retention) in the server's org; returns its name. */
export async function createBucket(influx: InfluxV2Server, name: string): Promise<string> {
  const res = await fetch(`${influx.url}/api/v2/buckets`, {
    method: 'POST',
    headers: { authorization: `Token ${influx.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orgID: influx.orgID, name, retentionRules: [] }),
  });
  if (res.status !== 201) throw new Error(`create bucket ${name}: HTTP ${res.status} ${await res.text()}`);
  return name;
}

export function lineWriter(influx: InfluxV2Server, bucket: string): LineWriter {
  return new LineWriter({ url: influx.url, token: influx.token, org: influx.org, bucket });
}

export interface SeedResult {
  from: number;
  to: number;
  points: number;
  ms: number;
  /** The simulation's exact meters (before the gateway's rounding) at every full hour, kWh. */
  meters: Map<number, { electricalKwh: number; heatKwh: number }>;
  /** Writes the frames after `to` up to the wall clock every `intervalMs`, as the collector does. */
  startLiveFeed(intervalMs?: number): LiveFeed;
}

export interface LiveFeed {
  /** Time of the next frame not yet written. */
  readonly next: number;
  stop(): Promise<void>;
}

/**
 * Simulated husdata-layout points for [to - days, to) into `bucket`, a quarter day per write batch;
 * the same simulation then continues in real time through startLiveFeed().
 */
export async function seedSimulated(opts: {
  influx: InfluxV2Server;
  bucket: string;
  simulation: SimulatorInput;
  days: number;
  to: number;
  /**
   * The compressor stops at `to` (one sample, overwritten by startLiveFeed's first frame). Without
   * newer data the last values hold, and a seed that ends in a compressor start would hold its
   * first minutes, when COP is below 2 (down to 0.9: the condenser's delta T still building).
   */
  endStopped?: boolean;
}): Promise<SeedResult> {
  const started = Date.now();
  const options = resolveOptions(opts.simulation);
  const layout = new HusdataLayout(opts.simulation.brand, options);
  const writer = lineWriter(opts.influx, opts.bucket);
  const to = Math.floor(opts.to / options.stepMs) * options.stepMs;
  const from = to - opts.days * DAY;
  const sim: Simulation = startSimulation(options, { from });
  const meters = new Map<number, { electricalKwh: number; heatKwh: number }>();
  const framesUntil = (end: number): SimFrame[] => {
    const frames: SimFrame[] = [];
    while (sim.time < end) {
      const f = sim.step();
      if (f.t % 3_600_000 === 0) meters.set(f.t, { electricalKwh: f.electricalKwh, heatKwh: f.heatKwh });
      frames.push(f);
    }
    return frames;
  };
  let points = 0;
  for (let chunkEnd = from + DAY / 4; sim.time < to; chunkEnd += DAY / 4) {
    const lines = layout.lines(framesUntil(Math.min(chunkEnd, to)));
    for (let i = 0; i < lines.length; i += 20_000) await writer.write(lines.slice(i, i + 20_000));
    points += lines.length;
  }
  if (opts.endStopped) {
    const brand = opts.simulation.brand;
    await writer.write(registerLines(brand, registerFor(brand, 'compressor'), [{ t: to, v: 0 }]));
    points += 1;
  }
  return {
    from,
    to,
    points,
    ms: Date.now() - started,
    meters,
    startLiveFeed(intervalMs = 5_000): LiveFeed {
      let writing: Promise<void> = Promise.resolve();
      const timer = setInterval(() => {
        writing = writing.then(async () => {
          const lines = layout.lines(framesUntil(Date.now()));
          await writer.write(lines).catch(() => undefined); // InfluxDB stopping at the end of a test
        });
      }, intervalMs);
      return {
        get next() {
          return sim.time;
        },
        async stop() {
          clearInterval(timer);
          await writing;
        },
      };
    },
  };
}

/** Line protocol for one register of a brand's gateway (tags from the provider's table), ms precision. */
export function registerLines(
  brand: SimBrand,
  registerId: string,
  values: ReadonlyArray<{ t: number; v: number }>,
): string[] {
  const layout = new HusdataLayout(brand, resolveOptions({ brand }));
  const register = layout.registers.find((r) => r.entry.registerId === registerId);
  if (register === undefined) {
    const known = layout.registers.map((r) => `${r.entry.registerId} ${r.entry.name}`).join(', ');
    throw new Error(`${brand} has no simulated register ${registerId}; known: ${known}`);
  }
  return values.map(({ t, v }) => `${register.key} value=${v} ${Math.round(t)}`);
}

/** The register id of the brand whose provider maps it to `role` (first match). */
export function registerFor(brand: SimBrand, role: Role): string {
  const layout = new HusdataLayout(brand, resolveOptions({ brand }));
  const register = layout.registers.find((r) => r.entry.role === role);
  if (register === undefined) throw new Error(`${brand}: no register for role ${role}`);
  return register.entry.registerId;
}

/** Values every `stepMs` over [from, to) from `valueAt(t)`. */
export function sampled(
  from: number,
  to: number,
  stepMs: number,
  valueAt: (t: number) => number,
): Array<{ t: number; v: number }> {
  const out: Array<{ t: number; v: number }> = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t < to; t += stepMs) out.push({ t, v: valueAt(t) });
  return out;
}
