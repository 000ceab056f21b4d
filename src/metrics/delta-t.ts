import { measured, unavailable, type Figure } from '../model/figure.js';
import type { Role } from '../model/role.js';
import type { ChartPoint, SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { buildLedger, type Ledger, type LedgerColumns } from './ledger.js';
import { resolveMetricOptions, type MetricOptions } from './options.js';

/** Which temperature difference. */
export type DeltaTPair = 'supply_return' | 'brine';

/**
 * ΔT of segment i in K while the compressor runs: supply - return, or brine in - brine out (heat
 * taken from the source). NaN when not running or a temperature is unknown; with the compressor
 * off both differences only show the circuits cooling down.
 */
export function segmentDeltaT(c: LedgerColumns, i: number, pair: DeltaTPair): number {
  if (c.running[i] !== 1) return Number.NaN;
  return pair === 'supply_return'
    ? (c.supplyC[i] as number) - (c.returnC[i] as number)
    : (c.brineInC[i] as number) - (c.brineOutC[i] as number);
}

/** Time-weighted mean ΔT (K) over the running time where both temperatures are known. */
export function meanDeltaT(ledger: Ledger, pair: DeltaTPair): Figure {
  const roles: Role[] =
    pair === 'supply_return' ? ['supply_temp', 'return_temp'] : ['brine_in_temp', 'brine_out_temp'];
  const missing = roles.filter((r) => !ledger.present.has(r));
  if (missing.length > 0) return unavailable(`no ${missing.join(', ')} signal`, 'no_temperature_signal');
  let weighted = 0;
  let ms = 0;
  const c = ledger.columns;
  for (let i = 0; i < c.length; i += 1) {
    const d = segmentDeltaT(c, i, pair);
    if (Number.isNaN(d)) continue;
    const dt = (c.end[i] as number) - (c.start[i] as number);
    weighted += d * dt;
    ms += dt;
  }
  return ms > 0
    ? measured(weighted / ms, 'K')
    : unavailable('no running time with both temperatures in range', 'no_running_temperatures');
}

/** Period means of both ΔT. */
export interface DeltaTFigures {
  readonly supplyReturn: Figure;
  readonly brine: Figure;
}

export function deltaTFromLedger(ledger: Ledger): DeltaTFigures {
  return { supplyReturn: meanDeltaT(ledger, 'supply_return'), brine: meanDeltaT(ledger, 'brine') };
}

/**
 * ΔT as a chart series: a point wherever the held ΔT changes, v = null where it is undefined
 * (compressor off, gap), so a chart breaks the line there.
 */
export function deltaTSeries(
  series: SeriesByRole,
  { from, to, pair, options }: TimeRange & { pair: DeltaTPair; options?: Partial<MetricOptions> },
): ChartPoint[] {
  return deltaTSeriesFromLedger(
    buildLedger(series, { range: { from, to }, options: resolveMetricOptions(options) }),
    pair,
  );
}

/** deltaTSeries of a ledger already built (both pairs from one ledger). */
export function deltaTSeriesFromLedger(ledger: Ledger, pair: DeltaTPair): ChartPoint[] {
  const points: ChartPoint[] = [];
  const c = ledger.columns;
  for (let i = 0; i < c.length; i += 1) {
    const d = segmentDeltaT(c, i, pair);
    const v = Number.isNaN(d) ? null : d;
    if (points.length === 0 || points[points.length - 1]?.v !== v)
      points.push({ t: c.start[i] as number, v });
  }
  return points;
}
