import { measured, reasonOf, unavailable, withNotes, type Figure, type Reason } from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { buildLedger, type Ledger } from './ledger.js';
import { resolveMetricOptions, type MetricOptions } from './options.js';

const MS_PER_HOUR = 3_600_000;

/**
 * Exclusive runtime categories over the time the compressor state is known (coveredMs), so the
 * four always sum to coveredMs and no share is ever negative. Overlap rule: while the compressor
 * runs, the time is the compressor's (heating or hot water by the valve) even if the aux heater
 * also runs; "aux only" is aux heater on with the compressor off. Total aux time including the
 * overlap is reported separately (auxMs, auxWithCompressorMs).
 */
export interface RuntimeBreakdown {
  readonly coveredMs: number;
  readonly compressorHeatingMs: number;
  readonly compressorHotWaterMs: number;
  readonly auxOnlyMs: number;
  readonly idleMs: number;
  /** Compressor running with the valve position unknown (counted as heating). */
  readonly valveUnknownMs: number;
  /** Aux heater on (kW > 0), with or without the compressor. */
  readonly auxMs: number;
  readonly auxWithCompressorMs: number;
}

/** Runtime breakdown of a ledger (see RuntimeBreakdown). */
export function runtimeBreakdown(ledger: Ledger): RuntimeBreakdown {
  const b = {
    coveredMs: 0,
    compressorHeatingMs: 0,
    compressorHotWaterMs: 0,
    auxOnlyMs: 0,
    idleMs: 0,
    valveUnknownMs: 0,
    auxMs: 0,
    auxWithCompressorMs: 0,
  };
  const c = ledger.columns;
  for (let i = 0; i < c.length; i += 1) {
    const dt = (c.end[i] as number) - (c.start[i] as number);
    const aux = (c.auxKw[i] as number) > 0; // NaN (unknown) is not on
    if (aux) b.auxMs += dt;
    const running = c.running[i] as number;
    if (Number.isNaN(running)) continue;
    b.coveredMs += dt;
    if (running === 1) {
      if (aux) b.auxWithCompressorMs += dt;
      if (c.hotWater[i] === 1) b.compressorHotWaterMs += dt;
      else {
        b.compressorHeatingMs += dt;
        if (Number.isNaN(c.hotWater[i] as number)) b.valveUnknownMs += dt;
      }
    } else if (aux) b.auxOnlyMs += dt;
    else b.idleMs += dt;
  }
  return b;
}

/**
 * Runtime shares (% of covered time) and hours. The four exclusive shares (compressor heating,
 * compressor hot water, aux only, idle) sum to 100; compressorPct and auxPct are overlapping
 * totals for "how much did it run".
 */
export interface RuntimeFigures {
  readonly compressorHeatingPct: Figure;
  readonly compressorHotWaterPct: Figure;
  readonly auxOnlyPct: Figure;
  readonly idlePct: Figure;
  /** Compressor running in any mode (heating + hot water), % of covered time. */
  readonly compressorPct: Figure;
  /**
   * Aux heater on, with or without the compressor, % of covered time (the known-compressor-state
   * time, like every share here). Time with both running counts in compressorPct and in auxPct,
   * so the two may add up to more than 100.
   */
  readonly auxPct: Figure;
  readonly compressorHours: Figure;
  /** Aux heater hours including time together with the compressor. */
  readonly auxHours: Figure;
  /** Share of the range where the compressor state is known, %. */
  readonly coveragePct: Figure;
  readonly breakdown: RuntimeBreakdown;
}

/** Runtime figures of a ledger. */
export function runtimeFromLedger(ledger: Ledger): RuntimeFigures {
  const b = runtimeBreakdown(ledger);
  const rangeMs = Math.max(0, ledger.range.to - ledger.range.from);
  const coveragePct =
    rangeMs > 0
      ? measured((b.coveredMs / rangeMs) * 100, '%')
      : unavailable<number>('empty range', 'empty_range');
  if (b.coveredMs === 0) {
    const none = unavailable<number>('no compressor state in range', 'no_compressor_state');
    return {
      compressorHeatingPct: none,
      compressorHotWaterPct: none,
      auxOnlyPct: none,
      idlePct: none,
      compressorPct: none,
      auxPct: none,
      compressorHours: none,
      auxHours: none,
      coveragePct,
      breakdown: b,
    };
  }
  const pct = (ms: number) => (ms / b.coveredMs) * 100;
  const hasValve = ledger.present.has('valve');
  const hasAux = ledger.present.has('aux_heater');
  const heatingNotes: Reason[] = [];
  if (!hasValve)
    heatingNotes.push(reasonOf('no_valve_signal', 'no valve signal: all compressor time counted as heating'));
  else if (b.valveUnknownMs > 0)
    heatingNotes.push(
      reasonOf(
        'valve_unknown',
        `valve unknown for ${Math.round(b.valveUnknownMs / 60_000)} min, counted as heating`,
      ),
    );
  const noAux = unavailable<number>('no aux heater signal', 'no_aux_signal');
  const compressorMs = b.compressorHeatingMs + b.compressorHotWaterMs;
  return {
    compressorHeatingPct: withNotes(pct(b.compressorHeatingMs), '%', heatingNotes),
    compressorHotWaterPct: hasValve
      ? measured(pct(b.compressorHotWaterMs), '%')
      : unavailable('no valve signal', 'no_valve_signal'),
    auxOnlyPct: hasAux ? measured(pct(b.auxOnlyMs), '%') : noAux,
    idlePct: withNotes(
      pct(b.idleMs),
      '%',
      hasAux ? [] : [reasonOf('no_aux_signal', 'no aux heater signal: idle may include aux-only time')],
    ),
    compressorPct: measured(pct(compressorMs), '%'),
    auxPct: hasAux ? measured(pct(b.auxOnlyMs + b.auxWithCompressorMs), '%') : noAux,
    compressorHours: measured(compressorMs / MS_PER_HOUR, 'h'),
    auxHours: hasAux ? measured(b.auxMs / MS_PER_HOUR, 'h') : noAux,
    coveragePct,
    breakdown: b,
  };
}

/** Runtime shares of compressor (heating / hot water), aux heater only and idle over a range. */
export function runtimeShares(
  series: SeriesByRole,
  { from, to, options }: TimeRange & { options?: Partial<MetricOptions> },
): RuntimeFigures {
  return runtimeFromLedger(
    buildLedger(series, { range: { from, to }, options: resolveMetricOptions(options) }),
  );
}
