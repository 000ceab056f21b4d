import {
  heatPowerNowFromLedger,
  lastSegment,
  staleMsFor,
  valueAt,
  type AlarmStatus,
  type Ledger,
  type MetricOptions,
} from '../../src/metrics/index.js';
import {
  estimated,
  measured,
  unavailable,
  type Figure,
  type Role,
  type SeriesByRole,
} from '../../src/model/index.js';
import type { Snapshot } from '../publish/snapshot.js';

/**
 * The "now" part of a snapshot: held values at the cycle's instant (hold-last-value with the
 * role's staleness, from the core's valueAt) and the state of the ledger's last segment.
 */

/** Roles published as their current value (temperatures and degree minutes). */
export const CURRENT_ROLES: readonly Role[] = [
  'outdoor_temp',
  'indoor_temp',
  'supply_temp',
  'return_temp',
  'hot_water_temp',
  'brine_in_temp',
  'brine_out_temp',
  'hot_gas_temp',
  'degree_minutes',
];

export interface NowInput {
  series: SeriesByRole;
  /** Ledger of the short "now" window, ending at `now`, power signals preferred. */
  ledger: Ledger;
  now: number;
  options: MetricOptions;
}

function held(series: SeriesByRole, role: Role, now: number, options: MetricOptions): number | undefined {
  const s = series[role];
  return s === undefined ? undefined : valueAt(s, now, staleMsFor(role, options));
}

export function currentValues(
  series: SeriesByRole,
  now: number,
  options: MetricOptions,
): Partial<Record<Role, Figure>> {
  const out: Partial<Record<Role, Figure>> = {};
  for (const role of CURRENT_ROLES) {
    const v = held(series, role, now, options);
    if (v !== undefined) out[role] = measured(v, '');
  }
  return out;
}

export function powerNow({ series, ledger, now, options }: NowInput): Snapshot['power'] {
  const elec = held(series, 'electrical_power', now, options);
  const aux = held(series, 'aux_heater', now, options);
  return {
    electrical:
      elec === undefined
        ? unavailable('no current electrical_power signal', 'no_current_value')
        : measured(elec, 'W'),
    heat: heatPowerNowFromLedger(ledger),
    auxHeater:
      aux === undefined
        ? unavailable('no aux heater signal', 'no_aux_signal')
        : estimated(aux, 'kW', 'aux heater nominal kW x level', 'aux_estimated'),
  };
}

export function statesNow({ series, ledger, now, options }: NowInput): Snapshot['states'] {
  // Segments tile the window up to `now`: the last one is the current state (undefined = stale).
  const last = lastSegment(ledger);
  const aux = held(series, 'aux_heater', now, options);
  return {
    compressorRunning:
      last?.running === undefined
        ? unavailable('no current compressor state', 'no_compressor_state')
        : measured(last.running, ''),
    auxHeaterOn:
      aux === undefined ? unavailable('no aux heater signal', 'no_aux_signal') : measured(aux > 0, ''),
    hotWaterMode:
      last?.hotWater === undefined
        ? unavailable('no current valve signal', 'no_current_value')
        : measured(last.hotWater, ''),
  };
}

/** The core's alarm status as published figures; the reason says why an unknown state is unknown. */
export function alarmView(status: AlarmStatus, series: SeriesByRole): Snapshot['alarm'] {
  let active: Figure<boolean>;
  if (status.active !== null) active = measured(status.active, '');
  else if ((series.alarm_active?.length ?? 0) > 0) active = unavailable('alarm flag is stale');
  else if (status.code !== null && status.codeIsLast)
    active = unavailable('only the last alarm code is logged, no active flag');
  else if (status.code !== null) active = unavailable('alarm code is stale');
  else active = unavailable('no alarm signal');
  return {
    active,
    code: status.code,
    codeIsLast: status.codeIsLast,
    text: status.text,
    severity: status.severity,
    since: status.since,
  };
}
