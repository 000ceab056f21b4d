import { SingleBar } from 'cli-progress';
import {
  HomeAssistantLayout,
  HusdataLayout,
  resolveOptions,
  simulateFrames,
  toLineProtocol,
} from '../../src/simulator/index.js';
import type { HeatSource, SimBrand } from '../../src/simulator/index.js';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { parseIsoTime, UsageError } from '../cli/usage.js';
import { LineWriter } from './line-writer.js';
import type { LineWriterOptions } from './line-writer.js';

const DAY_MS = 86_400_000;

export interface SimulateCommandOptions {
  io: CliIo;
  brand: string;
  source: string;
  seed: number;
  days: number;
  /** ISO end of the simulated range (default now). */
  end?: string;
  layout: string;
  /** Object-id prefix for the home-assistant layout (default the brand). */
  entityPrefix?: string;
  target: Omit<LineWriterOptions, 'fetch'>;
  /** Lines per HTTP write. */
  batchLines: number;
  progress: boolean;
  /** Injected in tests. */
  writer?: { write(lines: readonly string[]): Promise<void>; readonly target: string };
}

/**
 * `heatpump-bridge simulate`: writes simulated data into a real InfluxDB in the husdata layout (as
 * the original collector) or the home-assistant layout (as HA's InfluxDB integration), a day per
 * chunk so memory stays flat, two writes in flight so the database is never idle.
 */
export async function simulateCommand(o: SimulateCommandOptions): Promise<number> {
  const brand = check(o.brand, ['thermia', 'ivt', 'nibe'], '--brand') as SimBrand;
  const source = check(o.source, ['ground', 'air'], '--source') as HeatSource;
  const layoutName = check(o.layout, ['husdata', 'home-assistant'], '--layout');
  if (!Number.isFinite(o.days) || o.days <= 0 || o.days > 3660)
    throw new UsageError('--days must be between 1 and 3660');
  if (!Number.isInteger(o.seed)) throw new UsageError('--seed must be an integer');
  if (!Number.isInteger(o.batchLines) || o.batchLines < 100)
    throw new UsageError('--batch must be an integer of at least 100');
  const to = Math.floor((o.end !== undefined ? parseIsoTime(o.end, '--end') : Date.now()) / 30_000) * 30_000;
  const from = to - Math.round(o.days * DAY_MS);
  const writer = o.writer ?? new LineWriter(o.target);
  const options = resolveOptions({ brand, source, seed: o.seed });
  const husdata = layoutName === 'husdata' ? new HusdataLayout(brand, options) : undefined;
  const ha =
    layoutName === 'home-assistant' ? new HomeAssistantLayout({ brand, prefix: o.entityPrefix }) : undefined;

  o.io.stderr.write(
    `simulate: ${brand} ${source} source, seed ${o.seed}, ${o.days} days (${new Date(from).toISOString()} .. ${new Date(to).toISOString()}), ${layoutName} layout -> ${writer.target}\n`,
  );
  const bar = o.progress
    ? new SingleBar({
        stream: o.io.stderr as NodeJS.WritableStream,
        format: 'simulate [{bar}] {value}/{total} days | {points} points | {rate} points/s',
      })
    : undefined;
  const totalDays = Math.ceil(o.days);
  bar?.start(totalDays, 0, { points: 0, rate: 0 });
  const started = Date.now();
  let points = 0;
  let day = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  for (const frames of simulateFrames(options, { from, to, chunkMs: DAY_MS })) {
    const lines = husdata
      ? husdata.lines(frames)
      : (ha as HomeAssistantLayout).points(frames).map(toLineProtocol);
    for (let i = 0; i < lines.length; i += o.batchLines) {
      // Two writes in flight: the next batch is built while the database takes the previous one.
      if (inFlight.size >= 2) await Promise.race(inFlight);
      if (failure) break;
      const write: Promise<void> = writer.write(lines.slice(i, i + o.batchLines)).then(
        () => void inFlight.delete(write),
        (error: unknown) => {
          inFlight.delete(write);
          failure ??= error as Error;
        },
      );
      inFlight.add(write);
    }
    if (failure) break;
    points += lines.length;
    day += 1;
    bar?.update(day, { points, rate: Math.round(points / Math.max(0.001, (Date.now() - started) / 1000)) });
  }
  await Promise.all(inFlight);
  bar?.stop();
  if (failure) throw failure;
  const seconds = (Date.now() - started) / 1000;
  o.io.stdout.write(
    `simulate: wrote ${points} points in ${seconds.toFixed(1)} s (${Math.round(points / Math.max(seconds, 0.001))} points/s)\n`,
  );
  if (ha) {
    // The bridge reads this layout with brand: generic and a role -> entity map; print it ready to paste.
    o.io.stdout.write(
      '\nRead it back with this in the bridge config:\n\nbrand: generic\nsource:\n  layout: home-assistant\n  entities:\n',
    );
    for (const [role, id] of Object.entries(ha.entities)) o.io.stdout.write(`    ${role}: ${id}\n`);
  }
  return EXIT.ok;
}

function check(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value;
}
