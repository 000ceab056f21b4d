import type { Figure } from '../../src/model/index.js';
import type { PeriodReport } from './period-report.js';

/** The text form of `report` (without --json), for people; scripts read the JSON. */
export function formatPeriodReport(r: PeriodReport): string {
  const f = (x: Figure, digits = 2): string =>
    x.status === 'unavailable'
      ? `n/a (${x.reason})`
      : `${x.value.toFixed(digits)}${x.unit ? ` ${x.unit}` : ''}${x.status === 'estimated' ? ' (estimated)' : ''}`;
  const e = r.energy_kwh;
  const rt = r.runtime;
  const c = r.cycles;
  const hw = r.hot_water_cycles;
  return [
    `Heat pump report ${r.range.from} .. ${r.range.to} (${r.brand}, ${r.layout}; ${r.source.rows} rows at ${r.source.window_seconds} s)`,
    `roles: ${r.roles_found.join(', ') || '(none)'}`,
    `COP incl. standby ${f(r.cop.including_standby)}; running ${f(r.cop.running)}; space heating ${f(r.cop.space_heating)}; hot water ${f(r.cop.hot_water)}`,
    `SPF ${f(r.spf.value)} [${r.spf.description}]`,
    `heat ${f(e.heat)}; electricity ${f(e.electricity)}; aux ${f(e.aux_heater)}; standby ${f(e.electricity_standby)}`,
    `compressor ${f(rt.compressor_share_pct, 1)}; aux ${f(rt.aux_heater_share_pct, 1)}; hot water ${f(rt.hot_water_share_pct, 1)}; idle ${f(rt.idle_pct, 1)}`,
    `starts ${f(c.starts, 0)} (${f(c.starts_per_hour)}); mean cycle ${f(c.mean_cycle_minutes, 1)}; short cycles ${f(c.short_cycles, 0)}`,
    `hot-water cycles ${f(hw.count, 0)}; mean ${f(hw.mean_duration_minutes, 1)}`,
    `delta T supply-return ${f(r.delta_t.supply_return_k)}; brine ${f(r.delta_t.brine_k)}`,
    `data: ${r.data_quality.skipped_samples} samples skipped; stale: ${r.data_quality.stale_roles.join(', ') || 'none'}`,
  ].join('\n');
}
