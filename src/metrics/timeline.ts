import type { Role } from '../model/role.js';
import type { Series, SeriesByRole } from '../model/sample.js';

export interface TimelineOptions {
  readonly from: number;
  readonly to: number;
  /** Default staleness (ms). */
  readonly staleMs: number;
  readonly staleMsByRole?: Partial<Record<Role, number>>;
  /** Extra boundaries (bucket edges, counter samples) at which segments must be split. */
  readonly cuts?: readonly number[];
}

/** A stretch of time over which every listed role holds one value (absent key: gap or missing role). */
export interface TimelineSegment {
  readonly start: number;
  readonly end: number;
  readonly values: Partial<Record<Role, number>>;
}

/**
 * Called once per piece of [from, to), in time order. `values[k]` is the value `roles[k]` holds
 * over the whole piece, NaN where it holds none (gap, stale, missing role). The array is reused
 * for the next piece: copy what must outlive the call.
 */
export type TimelineVisitor = (start: number, end: number, values: Float64Array) => void;

/** Hold-last-value cursor over one series: the value held now and when that next changes. */
interface Cursor {
  readonly series: Series;
  readonly staleMs: number;
  /** Index of the last sample at or before the current time (-1: none). */
  i: number;
  value: number;
  next: number;
}

/** First value sample after index i (gap markers skipped): where a gap ends. */
function nextValueStart(series: Series, i: number): number {
  for (let j = i + 1; j < series.length; j += 1) {
    const s = series[j];
    if (s !== undefined && s.gap !== true) return s.t;
  }
  return Infinity;
}

/** Moves the cursor to time t (never backwards) and recomputes its value and next change. */
function settle(c: Cursor, t: number): void {
  const s = c.series;
  while (c.i + 1 < s.length && (s[c.i + 1]?.t ?? Infinity) <= t) c.i += 1;
  const sample = s[c.i];
  if (sample === undefined || sample.gap === true || !(t < sample.t + c.staleMs)) {
    c.value = Number.NaN;
    // A role that never holds (staleness 0) has no boundaries, as its held segments are empty.
    c.next = c.staleMs > 0 ? nextValueStart(s, c.i) : Infinity;
    return;
  }
  c.value = sample.v;
  c.next = Math.min(s[c.i + 1]?.t ?? Infinity, sample.t + c.staleMs);
}

/**
 * Aligns several hold-last-value signals on one time axis: [from, to) is cut at every point where
 * any role's held value starts, ends or goes stale, and at `cuts`, and `visit` sees each piece with
 * the value of every role valid over it. Consecutive pieces tile [from, to) without gaps or
 * overlaps. One pass with a cursor per role: O(samples x roles), no intermediate segments, so a
 * week of 30 s data in a card costs milliseconds (see bench/core-metrics.ts).
 */
export function walkTimeline(
  series: SeriesByRole,
  roles: readonly Role[],
  opts: TimelineOptions,
  visit: TimelineVisitor,
): void {
  const { from, to } = opts;
  if (!(to > from)) return;
  const values = new Float64Array(roles.length).fill(Number.NaN);
  const cursors: Array<Cursor | undefined> = roles.map((role) => {
    const s = series[role];
    if (!s || s.length === 0) return undefined;
    const c: Cursor = {
      series: s,
      staleMs: opts.staleMsByRole?.[role] ?? opts.staleMs,
      i: -1,
      value: Number.NaN,
      next: Infinity,
    };
    settle(c, from);
    return c;
  });
  const cuts = Float64Array.from(opts.cuts ?? []).sort();
  let cut = 0;
  while (cut < cuts.length && (cuts[cut] as number) <= from) cut += 1;

  let start = from;
  while (start < to) {
    let end = to;
    for (let k = 0; k < cursors.length; k += 1) {
      const c = cursors[k];
      if (c === undefined) continue;
      values[k] = c.value;
      if (c.next < end) end = c.next;
    }
    if (cut < cuts.length && (cuts[cut] as number) < end) end = cuts[cut] as number;
    visit(start, end, values);
    start = end;
    for (const c of cursors) if (c !== undefined && c.next <= start) settle(c, start);
    while (cut < cuts.length && (cuts[cut] as number) <= start) cut += 1;
  }
}

/**
 * walkTimeline as an array of segments with the values keyed by role (for callers that keep the
 * pieces; the ledger walks instead).
 */
export function buildTimeline(
  series: SeriesByRole,
  roles: readonly Role[],
  opts: TimelineOptions,
): TimelineSegment[] {
  const out: TimelineSegment[] = [];
  walkTimeline(series, roles, opts, (start, end, held) => {
    const values: Partial<Record<Role, number>> = {};
    held.forEach((v, k) => {
      if (!Number.isNaN(v)) values[roles[k] as Role] = v;
    });
    out.push({ start, end, values });
  });
  return out;
}
