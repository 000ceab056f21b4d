import type { DataQuality, PeriodMetrics, RuntimeFigures } from '../../src/metrics/index.js';
import { measured, unavailable, type Figure } from '../../src/model/index.js';
import type { Snapshot } from '../publish/snapshot.js';

/**
 * Picks the published runtime figures out of the core's period metrics. The two shares the core
 * does not give as figures (compressor running in any mode, aux heater on with or without the
 * compressor) are read off its runtime breakdown, over the same known-state time as its other
 * shares, so all shares agree.
 */
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

export function runtimeShares(r: RuntimeFigures): { compressorShare: Figure; auxHeaterShare: Figure } {
  const b = r.breakdown;
  if (b.coveredMs === 0) {
    const none = unavailable('no compressor state in range');
    return { compressorShare: none, auxHeaterShare: none };
  }
  const pct = (ms: number): Figure => measured((ms / b.coveredMs) * 100, '%');
  return {
    compressorShare: pct(b.compressorHeatingMs + b.compressorHotWaterMs),
    auxHeaterShare:
      r.auxHours.status === 'unavailable' ? r.auxHours : pct(b.auxOnlyMs + b.auxWithCompressorMs),
  };
}

/** One published data-quality figure: the mean coverage of the roles found, plus what is stale. */
export function dataQualityView(q: DataQuality): {
  figure: Figure;
  detail: Snapshot['dataQualityDetail'];
} {
  const detail = { staleRoles: [...q.staleRoles], skippedSamples: q.skippedSamples };
  if (q.roles.length === 0) return { figure: unavailable('no data in range'), detail };
  const mean = q.roles.reduce((sum, r) => sum + r.coveragePct, 0) / q.roles.length;
  return { figure: measured(mean, '%'), detail };
}
