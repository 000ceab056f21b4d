import { mergeIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import type { Figure } from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import type { TimeRange } from '../model/time-range.js';
import { normalisedEfficiencyFromLedger, type CarnotSums } from './carnot.js';
import { periodCopFromLedger, type PeriodCop } from './cop.js';
import { cyclesFromLedger, type CycleFigures } from './cycles.js';
import { dataQuality, type DataQuality } from './data-quality.js';
import { deltaTFromLedger, type DeltaTFigures } from './delta-t.js';
import { energyFlowFromLedger, type EnergyFlow } from './energy-flow.js';
import type { EnergySource } from './energy-source.js';
import { energyFromLedger, type EnergyFigures } from './energy.js';
import { hotWaterCyclesFromLedger, type HotWaterCycleFigures } from './hot-water-cycles.js';
import { buildLedger } from './ledger.js';
import { checkMetricOptions, type MetricOptions } from './options.js';
import { runtimeFromLedger, type RuntimeFigures } from './runtime.js';
import { spfFromLedger, type SpfResult } from './spf.js';

/** Every period metric of one range; plain JSON (no undefined, NaN or Infinity in figures). */
export interface PeriodMetrics {
  readonly range: TimeRange;
  /** What heat and electricity rest on; null when missing (figures then say why). */
  readonly sources: { readonly heat: EnergySource | null; readonly electricity: EnergySource | null };
  readonly energy: EnergyFigures;
  readonly cop: PeriodCop;
  readonly normalisedEfficiency: {
    readonly efficiencyPct: Figure;
    readonly carnotCop: Figure;
    readonly sums: CarnotSums;
  };
  readonly spf: SpfResult;
  readonly runtime: RuntimeFigures;
  readonly cycles: CycleFigures;
  readonly hotWater: HotWaterCycleFigures;
  readonly deltaT: DeltaTFigures;
  readonly energyFlow: Figure<EnergyFlow>;
  readonly dataQuality: DataQuality;
  /** Invalid options that were replaced by defaults ("key: problem"). */
  readonly optionProblems: readonly string[];
}

export interface PeriodMetricsInput {
  readonly series: SeriesByRole;
  readonly range: TimeRange;
  readonly options?: Partial<MetricOptions>;
  /** Issues already counted upstream (cleanSeries / mapRows), reported in dataQuality. */
  readonly issues?: DataIssueCounts;
}

/**
 * The bridge's one entry point: all period metrics of [from, to) from one aligned ledger, so every
 * figure rests on the same segments and sources. Include the last sample before `from` in each
 * series so change-only signals hold into the range. Never throws on bad data.
 */
export function computePeriodMetrics({ series, range, options, issues }: PeriodMetricsInput): PeriodMetrics {
  const { options: o, problems } = checkMetricOptions(options);
  const r: TimeRange = { from: range.from, to: range.to };
  const ledger = buildLedger(series, { range: r, options: o });
  const efficiency = normalisedEfficiencyFromLedger(ledger);
  return {
    range: r,
    sources: { heat: ledger.heatSource, electricity: ledger.elecSource },
    energy: energyFromLedger(ledger),
    cop: periodCopFromLedger(ledger),
    normalisedEfficiency: {
      efficiencyPct: efficiency.efficiencyPct,
      carnotCop: efficiency.carnotCop,
      sums: efficiency.sums,
    },
    spf: spfFromLedger(ledger),
    runtime: runtimeFromLedger(ledger),
    cycles: cyclesFromLedger(ledger),
    hotWater: hotWaterCyclesFromLedger(ledger),
    deltaT: deltaTFromLedger(ledger),
    energyFlow: energyFlowFromLedger(ledger),
    dataQuality: dataQuality(ledger.series, {
      ...r,
      options: o,
      issues: mergeIssueCounts(issues, ledger.issues),
    }),
    optionProblems: problems,
  };
}
