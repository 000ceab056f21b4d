/**
 * Days of Home Assistant history for a test instance, as if the bridge had been publishing all
 * along: past states go into the recorder's database (recorder-seed.py, HA has no API for that),
 * and the hourly long-term statistics HA would have compiled from them go in through
 * `recorder/import_statistics` (source `recorder`, the entity's own statistic id).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Connection } from 'home-assistant-js-websocket';
import { homeAssistantVenv, type HomeAssistantInstance } from '../../harness/home-assistant.js';
import { REPO_ROOT } from '../../harness/process.js';
import type { TimedState } from './bridge-replay.js';

const run = promisify(execFile);
const HOUR = 3_600_000;
const SEEDER = join(REPO_ROOT, 'test', 'e2e', 'support', 'recorder-seed.py');

/**
 * Inserts `states` (older than anything HA recorded itself) and a recorder run covering them into
 * the instance's recorder DB. HA reads its runs at startup: restart it before reading history.
 */
export async function seedRecorderHistory(
  ha: HomeAssistantInstance,
  states: readonly TimedState[],
): Promise<{ inserted: number; entities: number; run_start: string | null }> {
  const venv = await homeAssistantVenv();
  const child = run(join(venv, 'bin', 'python'), [SEEDER], { timeout: 120_000, maxBuffer: 1 << 20 });
  child.child.stdin?.end(JSON.stringify({ db: join(ha.configDir, 'home-assistant_v2.db'), states }));
  const { stdout } = await child;
  return JSON.parse(stdout) as { inserted: number; entities: number; run_start: string | null };
}

interface HourStat {
  start: string;
  mean?: number;
  min?: number;
  max?: number;
  state?: number;
  sum?: number;
}

/**
 * Hourly statistics of every numeric sensor in `states` for the whole hours in [from, to), with
 * hold-last-value between changes: time-weighted mean/min/max for measurements; for counters
 * (`total_increasing`) the reading at the hour's end and a sum that ends at 0 on the last hour, so
 * the statistics HA compiles itself from the live bridge (starting from sum 0) continue them
 * without a step.
 */
export function hourlyStatistics(
  states: readonly TimedState[],
  range: { from: number; to: number },
): Array<{ statisticId: string; unit: string; kind: 'mean' | 'sum'; stats: HourStat[] }> {
  const byEntity = new Map<string, TimedState[]>();
  for (const s of states) {
    if (!s.entity_id.startsWith('sensor.')) continue;
    const list = byEntity.get(s.entity_id) ?? [];
    list.push(s);
    byEntity.set(s.entity_id, list);
  }
  const firstHour = Math.ceil(range.from / HOUR) * HOUR;
  const lastHour = Math.floor(range.to / HOUR) * HOUR; // exclusive
  const out: Array<{ statisticId: string; unit: string; kind: 'mean' | 'sum'; stats: HourStat[] }> = [];
  for (const [id, list] of byEntity) {
    list.sort((a, b) => a.t - b.t);
    const attrs = list[list.length - 1]!.attributes;
    const stateClass = attrs.state_class;
    const unit = typeof attrs.unit_of_measurement === 'string' ? attrs.unit_of_measurement : '';
    if (stateClass !== 'measurement' && stateClass !== 'total_increasing') continue;
    const valueAt = (t: number): number | undefined => {
      let v: number | undefined;
      for (const s of list) {
        if (s.t > t) break;
        const n = Number(s.state);
        v = s.state === 'unavailable' || !Number.isFinite(n) ? undefined : n;
      }
      return v;
    };
    const stats: HourStat[] = [];
    for (let h = firstHour; h < lastHour; h += HOUR) {
      if (stateClass === 'total_increasing') {
        const v = valueAt(h + HOUR - 1);
        if (v !== undefined) stats.push({ start: new Date(h).toISOString(), state: v, sum: v });
        continue;
      }
      // Piecewise constant over the hour: change points inside it plus the value at its start.
      const points = [h, ...list.filter((s) => s.t > h && s.t < h + HOUR).map((s) => s.t), h + HOUR];
      let weighted = 0;
      let covered = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i + 1 < points.length; i++) {
        const v = valueAt(points[i]!);
        if (v === undefined) continue;
        const dt = points[i + 1]! - points[i]!;
        weighted += v * dt;
        covered += dt;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (covered > 0) stats.push({ start: new Date(h).toISOString(), mean: weighted / covered, min, max });
    }
    if (stats.length === 0) continue;
    if (stateClass === 'total_increasing') {
      const end = stats[stats.length - 1]!.state!;
      for (const s of stats) s.sum = Math.round((s.state! - end) * 1e6) / 1e6;
    }
    out.push({ statisticId: id, unit, kind: stateClass === 'total_increasing' ? 'sum' : 'mean', stats });
  }
  return out;
}

export async function importEntityStatistics(
  conn: Connection,
  statistics: ReturnType<typeof hourlyStatistics>,
): Promise<number> {
  let rows = 0;
  for (const s of statistics) {
    await conn.sendMessagePromise({
      type: 'recorder/import_statistics',
      metadata: {
        has_mean: s.kind === 'mean',
        has_sum: s.kind === 'sum',
        name: null,
        source: 'recorder',
        statistic_id: s.statisticId,
        unit_of_measurement: s.unit === '' ? null : s.unit,
      },
      stats: s.stats,
    });
    rows += s.stats.length;
  }
  return rows;
}
