import type { SeriesByRole } from '../model/sample.js';
import { normalisedEfficiencyFromLedger } from './carnot.js';
import { copFromSums } from './cop.js';
import { buildLedger, type Ledger } from './ledger.js';
import { resolveMetricOptions, type MetricOptions } from './options.js';
import type { SourcePreference } from './energy-source.js';
import { sumLedger } from './sums.js';

/** One chart interval. Energies kWh; null = unknown. */
export interface IntervalCopBucket {
  readonly start: number;
  readonly end: number;
  /** Heat delivered (heat pump + aux) over the known part of the interval. */
  readonly heatKwh: number | null;
  readonly elecKwh: number | null;
  /** Σ heat / Σ electricity over the part where both are known; null below minCopElecKwh. */
  readonly cop: number | null;
  /** Heat-weighted Carnot COP of the running time. */
  readonly carnotCop: number | null;
  /** cop as a share of carnotCop (running time), %. */
  readonly efficiencyPct: number | null;
}

export interface IntervalCopQuery {
  readonly from: number;
  readonly to: number;
  /** Fixed bucket length (ms) from `from`; the last bucket ends at `to`. */
  readonly bucketMs?: number;
  /** Explicit bucket edges inside (from, to) instead of bucketMs, e.g. local midnights across DST. */
  readonly boundaries?: readonly number[];
  readonly options?: Partial<MetricOptions>;
  /**
   * Which signal to prefer when both a counter and a power signal exist (default: counter).
   * Short buckets want 'power': a meter that counts whole kWh cannot resolve an hour.
   */
  readonly prefer?: SourcePreference;
}

const MAX_BUCKETS = 100_000;

/** Bucket edges [from, ..., to] for a query; one bucket when neither bucketMs nor boundaries is usable. */
export function bucketEdges({ from, to, bucketMs, boundaries }: IntervalCopQuery): number[] {
  if (!(to > from)) return [];
  let inner: number[] = [];
  if (boundaries) inner = [...new Set(boundaries.filter((b) => b > from && b < to))].sort((a, b) => a - b);
  else if (bucketMs !== undefined && bucketMs > 0 && (to - from) / bucketMs <= MAX_BUCKETS) {
    for (let t = from + bucketMs; t < to; t += bucketMs) inner.push(t);
  }
  return [from, ...inner, to];
}

/** Interval COP of a ledger whose segments are cut at `edges`. */
export function intervalCopFromLedger(ledger: Ledger, edges: readonly number[]): IntervalCopBucket[] {
  const buckets: IntervalCopBucket[] = [];
  const { start: starts, end: ends, length } = ledger.columns;
  let k = 0;
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    // Segments are sorted and cut at the edges: one pass hands each bucket its own stretch.
    while (k < length && (starts[k] as number) < start) k += 1;
    const first = k;
    while (k < length && (ends[k] as number) <= end) k += 1;
    const sums = sumLedger(ledger, undefined, first, k);
    const cop = copFromSums(ledger, sums);
    const eff = normalisedEfficiencyFromLedger(ledger, first, k);
    buckets.push({
      start,
      end,
      heatKwh: ledger.heatSource && sums.heatKnownMs > 0 ? sums.heatKwh : null,
      elecKwh: ledger.elecSource && sums.elecKnownMs > 0 ? sums.elecKwh : null,
      cop: cop.status === 'unavailable' ? null : cop.value,
      carnotCop: eff.carnotCop.status === 'unavailable' ? null : eff.carnotCop.value,
      efficiencyPct: eff.efficiencyPct.status === 'unavailable' ? null : eff.efficiencyPct.value,
    });
  }
  return buckets;
}

/**
 * COP per interval for charts: each bucket's COP = Σ heat / Σ electricity inside it (not a mean of
 * sample ratios), with its Carnot COP and normalised efficiency.
 */
export function intervalCop(series: SeriesByRole, query: IntervalCopQuery): IntervalCopBucket[] {
  const edges = bucketEdges(query);
  if (edges.length < 2) return [];
  const options = resolveMetricOptions(query.options);
  const ledger = buildLedger(series, {
    range: { from: query.from, to: query.to },
    options,
    cuts: edges,
    prefer: query.prefer ?? 'counter',
  });
  return intervalCopFromLedger(ledger, edges);
}
