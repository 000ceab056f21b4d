import { roleKind } from '../shared/default-entities.js';
import type { CardRole } from '../shared/default-entities.js';
import { RANGE_MS, fetchPlan } from '../shared/time-range.js';
import type { RangeKey } from '../shared/time-range.js';
import type { CardDataSource, LiveState, TimedSample } from './data-source.js';
import { dropRepeats, replaceRepeat } from './drop-repeats.js';
import { HA_STALE_MS } from './hold-time.js';
import type { StatisticRow } from './statistics.js';

export type RoleSamples = Partial<Record<CardRole, TimedSample[]>>;

export interface LoadRequest {
  source: CardDataSource;
  entities: Partial<Record<CardRole, string>>;
  range: RangeKey;
  /** epoch ms, end of the range */
  now: number;
  /** epoch ms, start when it must reach further back than the range (KPI "today") */
  from?: number;
}

/**
 * Fetches every role of a card for a range in at most two WebSocket calls. On/off roles always come
 * from history (binary sensors have no statistics); the rest from history up to 7 days, statistics beyond.
 */
export interface LoadResult {
  samples: RoleSamples;
  from: number;
  to: number;
  /**
   * Roles read from raw history, the only ones a live state may extend: a statistics `sum` has its
   * own zero, so appending the counter's raw state to it would be a jump of the whole meter reading.
   */
  liveRoles: CardRole[];
}

export async function loadRoleSamples(req: LoadRequest): Promise<LoadResult> {
  const plan = fetchPlan(req.range);
  const to = req.now;
  const from = Math.min(req.from ?? Infinity, to - RANGE_MS[req.range]);
  const entries = Object.entries(req.entities) as Array<[CardRole, string]>;
  const viaHistory = entries.filter(([role]) => plan.kind === 'history' || roleKind(role) === 'state');
  const viaStats = entries.filter(([role]) => plan.kind === 'statistics' && roleKind(role) !== 'state');

  const [history, stats] = await Promise.all([
    viaHistory.length
      ? req.source.history({ entityIds: unique(viaHistory.map(([, id]) => id)), from, to })
      : {},
    viaStats.length && plan.kind === 'statistics'
      ? req.source.statistics({
          statisticIds: unique(viaStats.map(([, id]) => id)),
          from,
          to,
          period: plan.period,
        })
      : ({} as Record<string, StatisticRow[]>),
  ]);
  const samples: RoleSamples = {};
  // Repeats within the metrics' hold time carry nothing (see dropRepeats): not kept.
  for (const [role, id] of viaHistory)
    samples[role] = dropRepeats((history as Record<string, TimedSample[]>)[id] ?? [], HA_STALE_MS);
  for (const [role, id] of viaStats)
    samples[role] = statisticsToSamples(stats[id] ?? [], roleKind(role) === 'counter');
  return { samples, from, to, liveRoles: viaHistory.map(([role]) => role) };
}

/** Counters: cumulative `sum` at the period end (kWh); measurements: `mean` at the period start. */
export function statisticsToSamples(rows: StatisticRow[], counter: boolean): TimedSample[] {
  return rows.map((row) =>
    counter
      ? { t: row.end, v: numberOrNaN(row.sum ?? row.state) }
      : { t: row.start, v: numberOrNaN(row.mean ?? row.state) },
  );
}

/**
 * Appends a live state to a role's samples when it is newer; returns whether anything changed. A
 * repeat of an unchanged value replaces the previous repeat instead (dropRepeats' rule), so a
 * state re-sent every cycle does not grow the series.
 */
export function appendLive(samples: TimedSample[] | undefined, update: LiveState): boolean {
  if (!samples) return false;
  const last = samples[samples.length - 1];
  if (last && update.t <= last.t) return false;
  const next = { t: update.t, v: update.value };
  if (!replaceRepeat(samples, next, HA_STALE_MS)) samples.push(next);
  return true;
}

function numberOrNaN(v: number | null | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
