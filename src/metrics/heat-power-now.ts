import { estimated, measured, unavailable, unavailableFor, type Figure } from '../model/figure.js';
import type { SeriesByRole } from '../model/sample.js';
import { noHeatSource } from './energy.js';
import { buildLedger, lastSegment, type Ledger } from './ledger.js';
import { resolveMetricOptions, staleMsFor, type MetricOptions } from './options.js';
import { valueAt } from './segments.js';

const MS_PER_HOUR = 3_600_000;

/**
 * Heat power now (W), from a ledger built over the "now" window (see copNow), at its end:
 * 1. heat_power held at the end (hold-last-value with its staleness): measured, the meter's value
 * 2. else the heat-pump heat the ledger gives its last segment as mean power over it: the
 *    flow-factor estimate flowFactorKwPerK x max(0, supply - return) x 1000 from the last held
 *    temperatures while the compressor runs, 0 W while it is off (estimated), or a heat counter's
 *    increase over the segment (measured)
 * 3. else unavailable: no heat signal, or none of them has a current value (a stale meter is not
 *    replaced by an estimate: the installation has a meter, and it has stopped reporting).
 */
export function heatPowerNowFromLedger(ledger: Ledger): Figure {
  const at = ledger.range.to;
  const meter = ledger.series.heat_power;
  const metered = meter ? valueAt(meter, at, staleMsFor('heat_power', ledger.options)) : undefined;
  if (metered !== undefined) return measured(metered, 'W');
  if (ledger.heatSource === null) return unavailableFor(noHeatSource(ledger));
  const last = lastSegment(ledger);
  if (last === undefined || last.hpHeatKwh === undefined)
    return unavailable('no current heat data', 'no_current_value');
  // kWh over the segment -> mean W.
  const watts = (last.hpHeatKwh * 1000) / ((last.end - last.start) / MS_PER_HOUR);
  return ledger.heatSource.status === 'estimated'
    ? estimated(watts, 'W', ledger.heatSource.basis, 'flow_factor')
    : measured(watts, 'W');
}

/** Heat power at `at` over the copNowWindowMs before it, power signals preferred (see heatPowerNowFromLedger). */
export function heatPowerNow(
  series: SeriesByRole,
  { at, options }: { at: number; options?: Partial<MetricOptions> },
): Figure {
  const o = resolveMetricOptions(options);
  return heatPowerNowFromLedger(
    buildLedger(series, { range: { from: at - o.copNowWindowMs, to: at }, options: o, prefer: 'power' }),
  );
}
