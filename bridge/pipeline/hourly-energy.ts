import type { SeriesByRole } from '../../src/model/index.js';
import { intervalCop } from '../../src/metrics/interval-cop.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import type { HourlyEnergy } from '../publish/statistics.js';

export const HOUR = 3_600_000;

/**
 * Hourly heat and electricity (kWh) of whole UTC hours in [from, to), from the core's interval COP
 * (Σ heat / Σ electricity per bucket, never a mean of ratios). Hours with no data are left out.
 */
export function hourlyEnergy(
  series: SeriesByRole,
  range: { from: number; to: number },
  options: MetricOptions,
): HourlyEnergy[] {
  const from = Math.ceil(range.from / HOUR) * HOUR;
  const to = Math.floor(range.to / HOUR) * HOUR;
  if (!(to > from)) return [];
  // Measured power resolves an hour; a gateway meter counting whole kWh does not (a 2 kW pump steps
  // it every 30 min), so hourly statistics integrate power where the pump logs it.
  return intervalCop(series, { from, to, bucketMs: HOUR, options, prefer: 'power' })
    .filter((b) => b.elecKwh !== null || b.heatKwh !== null)
    .map((b) => ({ start: b.start, electricalKwh: b.elecKwh, heatKwh: b.heatKwh, cop: b.cop }));
}
