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
  if (samples.length <= buckets * 2) return samples.slice();
  const from = options.from ?? samples[0]!.t;
  const to = options.to ?? samples[samples.length - 1]!.t;
  const width = Math.max(1, (to - from) / buckets);
  const out: TimedSample[] = [];
  let current = Number.NaN;
  let min: TimedSample | undefined;
  let max: TimedSample | undefined;
  let gap: TimedSample | undefined;
  const flush = (): void => {
    const kept = [min, max, gap].filter((s): s is TimedSample => s !== undefined);
    kept.sort((a, b) => a.t - b.t);
    for (const s of kept) if (out[out.length - 1] !== s) out.push(s);
    min = max = gap = undefined;
  };
  for (const s of samples) {
    const bucket = Math.floor((s.t - from) / width);
    if (bucket !== current) {
      flush();
      current = bucket;
    }
    if (Number.isNaN(s.v)) {
      gap ??= s;
      continue;
    }
    if (!min || s.v < min.v) min = s;
    if (!max || s.v > max.v) max = s;
  }
  flush();
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
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
