import {
  figureOf,
  reasonOf,
  unavailable,
  unavailableFor,
  type Figure,
  type Reason,
} from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { heatNotes, missingSources } from './energy.js';
import { buildLedger, type Ledger, type SegmentFilter } from './ledger.js';
import { resolveMetricOptions, type MetricOptions } from './options.js';
import { isActive, sumLedger, type LedgerSums } from './sums.js';

/** The two sums a COP is made of (kWh), so any partition of a range can be re-added exactly. */
export interface CopSums {
  readonly heatKwh: number;
  readonly elecKwh: number;
}

/**
 * COP = Σ heat / Σ electricity over segments where both are known (never a mean of ratios).
 * Heat at the meter's boundary (see LedgerSums.copHeatKwh). Unavailable without a heat or
 * electricity source, or with less than minCopElecKwh of electricity (the ratio would be noise).
 */
export function copFromSums(ledger: Ledger, sums: LedgerSums): Figure {
  const missing = missingSources(ledger);
  if (missing) return unavailableFor(missing);
  if (sums.pairedMs === 0)
    return unavailable('no time in range with both heat and electricity data', 'no_paired_data');
  const min = ledger.options.minCopElecKwh;
  if (!(sums.copElecKwh >= min) || sums.copElecKwh <= 0) {
    return unavailable(
      `electricity ${round3(sums.copElecKwh)} kWh is below ${min} kWh: too little for a COP`,
      'too_little_electricity',
    );
  }
  const unit = ledger.options.electricityScope === 'unit';
  return figureOf(
    sums.copHeatKwh / sums.copElecKwh,
    '',
    heatNotes(ledger, { includesAux: unit, auxKwh: sums.copAuxKwh }),
  );
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Period COP and its splits. Splits and running-only leave out standby time. */
export interface PeriodCop {
  /** All time: includes standby electricity. */
  readonly includingStandby: Figure;
  /** Only while the compressor or the aux heater runs. */
  readonly running: Figure;
  /** Running with the valve in space-heating position. */
  readonly spaceHeating: Figure;
  /** Running with the valve in hot-water position. */
  readonly hotWater: Figure;
  readonly sums: {
    readonly includingStandby: CopSums;
    readonly running: CopSums;
    readonly spaceHeating: CopSums;
    readonly hotWater: CopSums;
  };
}

function part(ledger: Ledger, select: SegmentFilter | undefined, needs: Reason | null) {
  const sums = sumLedger(ledger, select);
  return {
    figure: needs ? unavailableFor(needs) : copFromSums(ledger, sums),
    sums: { heatKwh: sums.copHeatKwh, elecKwh: sums.copElecKwh },
  };
}

/**
 * Σ heat / Σ electricity over the whole ledger, standby included: periodCopFromLedger's
 * `includingStandby` without the three splits, for callers that show only this figure (one pass
 * over the segments instead of four; a first render runs them before the JIT has warmed up).
 */
export function rangeCopFromLedger(ledger: Ledger): Figure {
  return copFromSums(ledger, sumLedger(ledger));
}

/** Period COP of a ledger with running-only and valve splits. */
export function periodCopFromLedger(ledger: Ledger): PeriodCop {
  const hasRunning = ledger.present.has('compressor') || ledger.present.has('compressor_speed');
  const noRunning = hasRunning
    ? null
    : reasonOf('no_compressor_signal', 'no compressor signal: cannot tell running from standby');
  const noValve =
    noRunning ??
    (ledger.present.has('valve')
      ? null
      : reasonOf('no_valve_signal', 'no valve signal: cannot split space heating and hot water'));
  const all = part(ledger, undefined, null);
  const running = part(ledger, isActive, noRunning);
  const sh = part(ledger, (c, i) => isActive(c, i) && c.hotWater[i] === 0, noValve);
  const hw = part(ledger, (c, i) => isActive(c, i) && c.hotWater[i] === 1, noValve);
  return {
    includingStandby: all.figure,
    running: running.figure,
    spaceHeating: sh.figure,
    hotWater: hw.figure,
    sums: { includingStandby: all.sums, running: running.sums, spaceHeating: sh.sums, hotWater: hw.sums },
  };
}

export interface CopQuery extends TimeRange {
  readonly options?: Partial<MetricOptions>;
}

/** Period COP over [from, to) (any range: day, 7 d, season...). */
export function periodCop(series: SeriesByRole, { from, to, options }: CopQuery): PeriodCop {
  return periodCopFromLedger(
    buildLedger(series, { range: { from, to }, options: resolveMetricOptions(options) }),
  );
}

/**
 * COP now: Σ heat / Σ electricity over the running part of [at - copNowWindowMs, at), with power
 * signals preferred over counters (a counter's resolution is too coarse for minutes).
 * Unavailable when the compressor is not running at the end of the window.
 */
export function copNow(
  series: SeriesByRole,
  { at, options }: { at: number; options?: Partial<MetricOptions> },
): Figure {
  const o = resolveMetricOptions(options);
  const ledger = buildLedger(series, {
    range: { from: at - o.copNowWindowMs, to: at },
    options: o,
    prefer: 'power',
  });
  return copNowFromLedger(ledger);
}

/** COP now of a ledger built over the "now" window (see copNow). */
export function copNowFromLedger(ledger: Ledger): Figure {
  const running = ledger.columns.running;
  let last = running.length - 1;
  while (last >= 0 && Number.isNaN(running[last] as number)) last -= 1;
  if (last < 0) return unavailable('no current compressor state', 'no_compressor_state');
  if (running[last] !== 1) return unavailable('compressor not running', 'compressor_not_running');
  return copFromSums(
    ledger,
    sumLedger(ledger, (c, i) => c.running[i] === 1),
  );
}
