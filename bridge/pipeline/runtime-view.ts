import type { DataQuality, PeriodMetrics, RuntimeFigures } from '../../src/metrics/index.js';
import type { Figure } from '../../src/model/index.js';
import type { Snapshot } from '../publish/snapshot.js';

/** Picks the published runtime figures out of the core's period metrics. */
export function runtimeView(m: PeriodMetrics): Snapshot['runtime24h'] {
  return {
    ...runtimeShares(m.runtime),
    hotWaterShare: m.runtime.compressorHotWaterPct,
    starts: m.cycles.starts,
    startsPerHour: m.cycles.startsPerHour,
    meanCycleMinutes: m.cycles.meanCycleMinutes,
    shortCycles: m.cycles.shortCycles,
    hotWaterCycles: m.hotWater.count,
    hotWaterMeanMinutes: m.hotWater.meanDurationMinutes,
  };
}

/**
 * The published shares of compressor running (any mode) and aux heater on (with or without the
 * compressor): the core's compressorPct and auxPct, over the same known-state time as its other
 * shares.
 */
export function runtimeShares(r: RuntimeFigures): { compressorShare: Figure; auxHeaterShare: Figure } {
  return { compressorShare: r.compressorPct, auxHeaterShare: r.auxPct };
}

/** One published data-quality figure (the core's overallCoveragePct), plus what is stale. */
export function dataQualityView(q: DataQuality): {
  figure: Figure;
  detail: Snapshot['dataQualityDetail'];
} {
  return {
    figure: q.overallCoveragePct,
    detail: { staleRoles: [...q.staleRoles], skippedSamples: q.skippedSamples },
  };
}
