/**
 * The whole installation the end-to-end tests and the screenshot script run against: InfluxDB 2.x
 * with simulated husdata-layout data (one bucket per pump), a real Home Assistant with the cards
 * bundle as a module resource and a YAML dashboard built from examples/lovelace/, one bridge per
 * pump publishing into it, and HA history seeded with what those bridges would have published over
 * the past hours (see bridge-replay.ts and recorder-seed.ts).
 */
import type { Connection } from 'home-assistant-js-websocket';
import { connectHomeAssistant } from '../../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../../harness/home-assistant.js';
import { startInfluxV2, type InfluxV2Server } from '../../harness/influxdb.js';
import { bridgeConfig, startBridge, type PumpSetup, type RunningBridge } from './bridge.js';
import { replayBridge } from './bridge-replay.js';
import { cardsBundleSource } from './cards-bundle.js';
import {
  LOVELACE_YAML_MODE,
  dashboardYaml,
  exampleView,
  viewForDevice,
  type ViewConfig,
} from './lovelace.js';
import { hourlyStatistics, importEntityStatistics, seedRecorderHistory } from './recorder-seed.js';
import {
  createBucket,
  seedSimulated,
  winterSimulation,
  type LiveFeed,
  type SeedResult,
} from './simulated-influx.js';
import { recorderIdle, waitFor, getStates } from './ws.js';

const HOUR = 3_600_000;
/** A different house and weather per brand, so the views do not show the same curves. */
const SEEDS = { thermia: 7, ivt: 11, nibe: 13 } as const;

export interface StackPump extends PumpSetup {
  /** Hours of HA history to seed (bridge replay); 0 = only what the live bridge publishes. */
  historyHours: number;
  /** Dashboard view path (`/lovelace/<path>`). */
  viewPath: string;
}

/** Thermia is the example view verbatim (default device `heatpump`); IVT and NIBE get their own views. */
export const DEFAULT_PUMPS: ReadonlyArray<Omit<StackPump, 'historyHours'>> = [
  { brand: 'thermia', bucket: 'thermia', device: 'heatpump', deviceName: 'Heat pump', viewPath: 'heatpump' },
  { brand: 'ivt', bucket: 'ivt', device: 'ivt', deviceName: 'IVT', viewPath: 'heatpump-ivt' },
  { brand: 'nibe', bucket: 'nibe', device: 'nibe', deviceName: 'NIBE', viewPath: 'heatpump-nibe' },
];

export interface StackOptions {
  pumps: StackPump[];
  /** Days of simulated data in InfluxDB before now. */
  days?: number;
  /**
   * Replay step (the publish interval of the bridge that "ran" in the past): default 5 min over
   * the last 24 h and 20 min before, which keeps the replay at about a minute on 2 cores.
   */
  replayStepMs?: (t: number, liveFrom: number) => number;
  /** YAML appended to configuration.yaml (e.g. `energy:`). */
  extraConfig?: string;
  /** Extra config-dir files (e.g. automations.yaml). */
  files?: Record<string, string>;
  /** Bridge publish interval, seconds. */
  intervalSeconds?: number;
  /** Progress lines (test diagnostics, script output). */
  log?: (line: string) => void;
}

export interface Stack {
  influx: InfluxV2Server;
  ha: HomeAssistantInstance;
  conn: Connection;
  bridges: Map<string, RunningBridge>;
  pumps: StackPump[];
  views: ViewConfig[];
  /** Simulated data per device: the range written before the live bridge started. */
  seeds: Map<string, SeedResult>;
  /** Milliseconds per setup phase, for test diagnostics. */
  timings: Record<string, number>;
  /** Keeps every pump's data coming in real time (as its logger would); idempotent. */
  startLiveFeeds(): void;
  stop(): Promise<void>;
}

/** Views: one per pump, the example verbatim for device `heatpump`, `device:` added for the others. */
export function stackViews(pumps: readonly StackPump[]): ViewConfig[] {
  const example = exampleView();
  return pumps.map((p) =>
    p.device === 'heatpump'
      ? example
      : viewForDevice(example, p.device, `${example.title ?? 'Heat pump'} ${p.deviceName}`),
  );
}

/** Every pump's bridge entities are in HA's state machine. */
async function entitiesPublished(conn: Connection, pumps: readonly StackPump[]): Promise<void> {
  await waitFor(
    `${pumps.map((p) => p.device).join(', ')} entities in HA`,
    async () => {
      const states = await getStates(conn);
      return pumps.every((p) => states.has(`sensor.${p.device}_outdoor_temp`)) ? true : undefined;
    },
    60_000,
  );
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      timings[name] = Date.now() - t0;
      log(`${name}: ${timings[name]} ms`);
    }
  };
  const views = stackViews(opts.pumps);
  const days = opts.days ?? 3;
  const stepAt = opts.replayStepMs ?? ((t: number, live: number) => (t < live - 24 * HOUR ? 20 : 5) * 60_000);

  let influx: InfluxV2Server | undefined;
  let ha: HomeAssistantInstance | undefined;
  let conn: Connection | undefined;
  const bridges = new Map<string, RunningBridge>();
  const feeds: LiveFeed[] = [];
  const stop = async (): Promise<void> => {
    for (const f of feeds.splice(0)) await f.stop();
    for (const b of [...bridges.values()].reverse()) await b.stop().catch(() => undefined);
    conn?.close();
    await Promise.allSettled([ha?.stop(), influx?.stop()]);
  };

  try {
    const now = Date.now();
    const bundle = await phase('bundle', () => cardsBundleSource());
    const influxStarted = phase('influx start', async () => {
      influx = await startInfluxV2();
      return influx;
    });
    const haStarted = phase('home assistant start', async () => {
      ha = await startHomeAssistant({
        extraConfig: `${LOVELACE_YAML_MODE}\n${opts.extraConfig ?? ''}`,
        files: {
          'www/heatpump-cards.js': bundle,
          'ui-lovelace.yaml': dashboardYaml(views),
          ...opts.files,
        },
      });
      return ha;
    });
    // InfluxDB is quick; seed and replay while HA is still starting.
    const seeded = influxStarted.then((db) =>
      phase('influx seed', async () => {
        const out = new Map<string, SeedResult>();
        for (const p of opts.pumps) {
          await createBucket(db, p.bucket);
          const r = await seedSimulated({
            influx: db,
            bucket: p.bucket,
            simulation: winterSimulation(p.brand, SEEDS[p.brand]),
            days,
            to: now,
            // Until the live feeds start the seeds' last values hold: not a compressor start.
            endStopped: true,
          });
          log(`  ${p.brand}: ${r.points} points in ${r.ms} ms`);
          out.set(p.device, r);
        }
        return out;
      }),
    );
    const [db, instance] = await Promise.all([influxStarted, haStarted]);
    const ranges = await seeded;
    // The replay ends where the live bridge takes over.
    const liveFrom = Date.now();
    const replays = await phase('bridge replay', async () => {
      const out = new Map<string, Awaited<ReturnType<typeof replayBridge>>>();
      for (const p of opts.pumps) {
        if (p.historyHours <= 0) continue;
        const config = bridgeConfig({ pump: p, influx: db, ha: instance });
        const states = await replayBridge({
          config,
          dataFrom: ranges.get(p.device)!.from,
          from: Math.ceil((liveFrom - p.historyHours * HOUR) / 60_000) * 60_000,
          to: Math.min(liveFrom, ranges.get(p.device)!.to) - 1,
          stepMs: (t) => stepAt(t, liveFrom),
        });
        log(`  ${p.device}: ${states.length} state changes over ${p.historyHours} h`);
        out.set(p.device, states);
      }
      return out;
    });

    conn = await connectHomeAssistant({ url: instance.url, token: instance.token });
    await phase('bridges first publish', async () => {
      for (const p of opts.pumps) {
        const bridge = await startBridge(
          bridgeConfig({ pump: p, influx: db, ha: instance, intervalSeconds: opts.intervalSeconds }),
        );
        bridges.set(p.device, bridge);
      }
      for (const b of bridges.values()) await b.cycles(1, 120_000);
      await entitiesPublished(conn!, opts.pumps);
      await recorderIdle(conn!);
    });

    const all = [...replays.values()].flat();
    if (all.length > 0) {
      await phase('history seed', async () => {
        const r = await seedRecorderHistory(instance, all);
        log(`  ${r.inserted} states of ${r.entities} entities, recorder run from ${r.run_start}`);
        const stats = hourlyStatistics(all, { from: liveFrom - days * 24 * HOUR, to: liveFrom });
        const rows = await importEntityStatistics(conn!, stats);
        await recorderIdle(conn!);
        log(`  ${rows} hourly statistics rows of ${stats.length} sensors`);
      });
      // HA reads recorder runs at startup only; the bridges republish on reconnect by themselves.
      await phase('home assistant restart', async () => {
        conn!.close();
        conn = undefined;
        await instance.restart();
        conn = await connectHomeAssistant({ url: instance.url, token: instance.token });
        await entitiesPublished(conn, opts.pumps);
      });
    }
    const c = conn!;

    return {
      influx: db,
      ha: instance,
      conn: c,
      bridges,
      pumps: opts.pumps,
      views,
      seeds: ranges,
      timings,
      startLiveFeeds() {
        if (feeds.length > 0) return;
        for (const seed of ranges.values()) feeds.push(seed.startLiveFeed());
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
