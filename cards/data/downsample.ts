import type { TimedSample } from './data-source.js';

/**
 * Min/max bucket down-sampling: the range is cut into `buckets` equal time slices and each slice keeps
 * its lowest and highest sample (in time order), so peaks and dips survive at any zoom that the pixel
 * width can show. A slice that contains a gap (NaN) keeps one gap sample, so lines still break there.
 * ECharts' own `sampling` ingests every point first and does not scale to 100k points per series.
 */
export function downsampleMinMax(
  samples: readonly TimedSample[],
  options: { buckets: number; from?: number; to?: number },
): TimedSample[] {
  const buckets = Math.max(1, Math.floor(options.buckets));
  const n = samples.length;
  if (n <= buckets * 2) return samples.slice();
  const from = options.from ?? samples[0]!.t;
  const to = options.to ?? samples[n - 1]!.t;
  const width = Math.max(1, (to - from) / buckets);
  const out: TimedSample[] = [];
  // The bucket's lowest, highest and first gap sample as indices (-1: none): samples are in time
  // order, so sorting three indices orders them by time, and a bucket allocates nothing (this loop
  // reads every sample of a first render: 7 x 20 k for the temperature card).
  let current = Number.NaN;
  let lo = -1;
  let hi = -1;
  let gap = -1;
  let loV = 0;
  let hiV = 0;
  const keep = (i: number): void => {
    if (i < 0) return;
    const s = samples[i]!;
    if (out[out.length - 1] !== s) out.push(s);
  };
  const flush = (): void => {
    // lo, hi and gap in ascending order (-1 sorts first and is skipped).
    const first = Math.min(lo, hi, gap);
    const third = Math.max(lo, hi, gap);
    keep(first);
    keep(lo + hi + gap - first - third);
    keep(third);
  };
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    const bucket = Math.floor((s.t - from) / width);
    if (bucket !== current) {
      flush();
      current = bucket;
      lo = hi = gap = -1;
    }
    const v = s.v;
    if (Number.isNaN(v)) {
      if (gap < 0) gap = i;
      continue;
    }
    if (lo < 0 || v < loV) {
      lo = i;
      loV = v;
    }
    if (hi < 0 || v > hiV) {
      hi = i;
      hiV = v;
    }
  }
  flush();
  const first = samples[0]!;
  const last = samples[n - 1]!;
  if (out[0] !== first) out.unshift(first);
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

/**
 * On/off and step signals: keep only the samples where the value changes (plus the last one, so the
 * step reaches the end). Exact, never approximated: every switch time survives.
 */
export function keepStateChanges(samples: readonly TimedSample[]): TimedSample[] {
  const out: TimedSample[] = [];
  for (const s of samples) {
    const prev = out[out.length - 1];
    if (!prev || !sameValue(prev.v, s.v)) out.push(s);
  }
  const last = samples[samples.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Samples -> ECharts `[t, v]` pairs, with gaps as null so the line breaks there. */
export function toPairs(samples: readonly TimedSample[]): Array<[number, number | null]> {
  return samples.map((s) => [s.t, Number.isFinite(s.v) ? s.v : null]);
}
