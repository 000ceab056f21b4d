/**
 * Real services for the bridge benches, from the test harness: InfluxDB 2.7 (Flux), InfluxDB 1.x
 * (InfluxQL) and Home Assistant, plus a one-pass seed of simulated data into both databases
 * through the `simulate` command's own code path (one simulation, every batch written to both).
 */
import { simulateCommand } from '../../bridge/demo/simulate-command.js';
import { LineWriter } from '../../bridge/demo/line-writer.js';
import {
  startInfluxV1,
  startInfluxV2,
  type InfluxV1Server,
  type InfluxV2Server,
} from '../../test/harness/influxdb.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../../test/harness/home-assistant.js';

export interface Services {
  v2: InfluxV2Server;
  v1: InfluxV1Server;
  ha: HomeAssistantInstance;
  stop(): Promise<void>;
}

export const V1_DATABASE = 'heatpump';

export async function startServices(): Promise<Services> {
  const [v2, v1, ha] = await Promise.all([
    startInfluxV2(),
    startInfluxV1({ database: V1_DATABASE }),
    startHomeAssistant(),
  ]);
  return {
    v2,
    v1,
    ha,
    stop: async () => void (await Promise.allSettled([v2.stop(), v1.stop(), ha.stop()])),
  };
}

/** One year (or `days`) of 30 s Thermia data in the husdata layout, ending at `end`, into both databases. */
export async function seed(
  s: Services,
  days: number,
  end: number,
): Promise<{ seconds: number; stdout: string }> {
  const w2 = new LineWriter({ url: s.v2.url, token: s.v2.token, org: s.v2.org, bucket: s.v2.bucket });
  const w1 = new LineWriter({ url: s.v1.url, database: V1_DATABASE });
  const out: string[] = [];
  const started = Date.now();
  await simulateCommand({
    io: {
      env: {},
      stdout: { write: (t: string) => void out.push(t) },
      stderr: { write: () => undefined },
      shutdownSignal: () => new Promise(() => undefined),
    },
    brand: 'thermia',
    source: 'ground',
    seed: 42,
    days,
    end: new Date(end).toISOString(),
    layout: 'husdata',
    target: { url: s.v2.url, token: s.v2.token, org: s.v2.org, bucket: s.v2.bucket },
    batchLines: 20_000,
    progress: false,
    writer: {
      target: `${w2.target} + ${w1.target}`,
      write: async (lines) => void (await Promise.all([w2.write(lines), w1.write(lines)])),
    },
  });
  return { seconds: (Date.now() - started) / 1000, stdout: out.join('') };
}
