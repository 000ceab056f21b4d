import type { Role } from '../model/role.js';
import type { SeriesByRole } from '../model/sample.js';
import { heldSegments, type HeldSegment } from './segments.js';

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
 * Aligns several hold-last-value signals on one time axis: [from, to) is cut at every point where
 * any role's held value starts, ends or goes stale, and at `cuts`; each piece carries the value of
 * every role valid over it. Consecutive pieces tile [from, to) without gaps or overlaps.
 */
export function buildTimeline(
  series: SeriesByRole,
  roles: readonly Role[],
  opts: TimelineOptions,
): TimelineSegment[] {
  const { from, to } = opts;
  if (!(to > from)) return [];
  const held: Array<{ role: Role; segments: HeldSegment[] }> = [];
  const points: number[] = [from, to];
  for (const role of roles) {
    const s = series[role];
    if (!s || s.length === 0) continue;
    const segments = heldSegments(s, { from, to, staleMs: opts.staleMsByRole?.[role] ?? opts.staleMs });
    held.push({ role, segments });
    let lastEnd = Number.NaN;
    for (const seg of segments) {
      // Held segments are mostly contiguous: push a boundary once, not as an end and a start.
      if (seg.start !== lastEnd) points.push(seg.start);
      points.push(seg.end);
      lastEnd = seg.end;
    }
  }
  for (const cut of opts.cuts ?? []) if (cut > from && cut < to) points.push(cut);
  // A typed array sorts numerically without a comparator callback: several times faster here.
  const all = Float64Array.from(points).sort();
  const sorted: number[] = [];
  for (const p of all) if (p !== sorted[sorted.length - 1]) sorted.push(p);

  const cursors = new Array<number>(held.length).fill(0);
  const out: TimelineSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    if (end <= start) continue;
    const values: Partial<Record<Role, number>> = {};
    for (let k = 0; k < held.length; k += 1) {
      const { role, segments } = held[k] as { role: Role; segments: HeldSegment[] };
      let c = cursors[k] as number;
      while (c < segments.length && (segments[c] as HeldSegment).end <= start) c += 1;
      cursors[k] = c;
      const seg = segments[c];
      if (seg && seg.start <= start) values[role] = seg.v;
    }
    out.push({ start, end, values });
  }
  return out;
}
