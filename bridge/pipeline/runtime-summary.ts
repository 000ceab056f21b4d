import { unavailable, measured, type Figure } from '../../src/model/index.js';
import type { Ledger } from '../../src/metrics/ledger.js';

/**
 * Runtime figures of a ledger: compressor / aux / hot-water time shares of the *known* time, starts
 * and short cycles. Stopgap until the core exports its runtime metrics (then this file goes).
 */
export interface RuntimeSummary {
  compressorShare: Figure;
  auxHeaterShare: Figure;
  hotWaterShare: Figure;
  starts: Figure;
  shortCycles: Figure;
}

export function runtimeSummary(ledger: Ledger): RuntimeSummary {
  const hasCompressor = ledger.present.has('compressor') || ledger.present.has('compressor_speed');
  const noCompressor = unavailable('no compressor signal');
  let knownMs = 0;
  let runningMs = 0;
  let hotWaterMs = 0;
  let auxKnownMs = 0;
  let auxMs = 0;
  let starts = 0;
  let shortCycles = 0;
  let previous: boolean | undefined;
  let cycleStart: number | undefined;
  for (const seg of ledger.segments) {
    const ms = seg.end - seg.start;
    if (seg.running !== undefined) {
      knownMs += ms;
      if (seg.running) runningMs += ms;
      if (seg.running && seg.hotWater === true) hotWaterMs += ms;
    }
    if (seg.auxKw !== undefined) {
      auxKnownMs += ms;
      if (seg.auxKw > 0) auxMs += ms;
    }
    if (seg.running === true && previous === false) {
      starts += 1;
      cycleStart = seg.start;
    }
    if (seg.running === false && previous === true && cycleStart !== undefined) {
      if (seg.start - cycleStart < ledger.options.shortCycleMs) shortCycles += 1;
      cycleStart = undefined;
    }
    // A gap ends a cycle we could not see finish; it is not counted either way.
    if (seg.running === undefined) cycleStart = undefined;
    previous = seg.running;
  }
  const pct = (part: number, whole: number): Figure =>
    whole > 0 ? measured((part / whole) * 100, '%') : unavailable('no data in range');
  return {
    compressorShare: hasCompressor ? pct(runningMs, knownMs) : noCompressor,
    auxHeaterShare: ledger.present.has('aux_heater')
      ? pct(auxMs, auxKnownMs)
      : unavailable('no aux heater signal'),
    hotWaterShare: !hasCompressor
      ? noCompressor
      : ledger.present.has('valve')
        ? pct(hotWaterMs, knownMs)
        : unavailable('no valve signal'),
    starts: hasCompressor && knownMs > 0 ? measured(starts, '') : noCompressor,
    shortCycles: hasCompressor && knownMs > 0 ? measured(shortCycles, '') : noCompressor,
  };
}
