// Each card's core work as its buildChart does it (toCoreSeries included: the card runs it too),
// for bench/core-metrics.ts and, from two source trees, bench/core-metrics-ab.ts.
import type * as cardMetrics from '../../cards/data/card-metrics.js';
import type * as coreSeries from '../../cards/data/core-series.js';
import type { RoleSamples } from '../../cards/data/load-series.js';
import { copCardConfig } from '../../cards/cop/cop-card-config.js';
import { energyFlowCardConfig } from '../../cards/energy-flow/energy-flow-card-config.js';
import { kpiCardConfig } from '../../cards/kpi/kpi-card-config.js';
import { performanceCardConfig } from '../../cards/performance/performance-card-config.js';
import { HEAT_ESTIMATE_ROLES } from '../../cards/power/power-card-config.js';
import { runtimeCardConfig } from '../../cards/runtime/runtime-card-config.js';
import { copBucketMs } from '../../cards/shared/time-range.js';

/** The modules a case calls: this tree's, or another checkout's (imported by path). */
export interface CardCore {
  m: typeof cardMetrics;
  c: typeof coreSeries;
}

export interface CardCoreCase {
  roles: readonly string[];
  run: (s: RoleSamples, from: number, to: number) => unknown;
}

export function cardCoreCases({ m, c }: CardCore): Record<string, CardCoreCase> {
  return {
    cop: {
      roles: copCardConfig.roles,
      run: (s, from, to) => m.copView(c.toCoreSeries(s), { from, to, bucketMs: copBucketMs('7d') }),
    },
    'power (heat estimate)': {
      // the power card's heat estimate: no heat meter, so the core estimates heat power
      roles: ['electrical_power', ...HEAT_ESTIMATE_ROLES],
      run: (s, from, to) => m.heatPowerView(c.toCoreSeries(s), { from, to }),
    },
    performance: {
      roles: performanceCardConfig.roles,
      run: (s, from, to) => m.deltaTView(c.toCoreSeries(s), { from, to }),
    },
    runtime: {
      roles: runtimeCardConfig.roles,
      run: (s, from, to) => m.runtimeView(c.toCoreSeries(s, { auxFromState: true }), { from, to }),
    },
    'energy-flow': {
      roles: energyFlowCardConfig.roles,
      run: (s, from, to) => m.energyFlowView(c.toCoreSeries(s), { from, to }),
    },
    kpi: {
      roles: kpiCardConfig.roles,
      run: (s, from, to) => m.kpiFigures(c.toCoreSeries(s), { from, to, now: to }),
    },
  };
}
