import type { Parsed } from '../model/parse-value.js';
import type { AuxConversion, BrandProvider, RegisterEntry } from './types.js';

/** True when this aux_heater entry is the input the brand's aux conversion uses. */
export function isActiveAuxInput(entry: RegisterEntry, aux: AuxConversion): boolean {
  const input = entry.auxInput ?? 'kw';
  if (aux.kind === 'percent') return input === 'percent';
  if (aux.kind === 'steps') return input === 'step' || input === 'stepCount';
  return input === 'kw';
}

/**
 * Converts one stored value to the role's canonical unit: x = stored x scale + offset, then
 * - aux_heater: percent -> x/100 x nominalKw; stepCount -> sum of the first x step powers (kW);
 *   kw -> x; step -> x unchanged (relay state, summed over steps by combineAuxSteps)
 * - compressor, pumps, alarm_active: 1 when x > onThreshold (default 0), else 0
 * - valve: 1 when x is one of the brand's hot-water values, else 0
 * - alarm_code: must be an integer (a fraction means the database averaged codes: rejected)
 * - everything else: x
 */
export function convertValue(entry: RegisterEntry, stored: number, provider: BrandProvider): Parsed {
  const x = stored * entry.scale + (entry.offset ?? 0);
  switch (entry.role) {
    case 'aux_heater':
      return { ok: true, value: auxKw(entry, x, provider.aux) };
    case 'compressor':
    case 'brine_pump':
    case 'heating_pump':
    case 'alarm_active':
      return { ok: true, value: x > (entry.onThreshold ?? 0) ? 1 : 0 };
    case 'valve':
      return { ok: true, value: provider.valve.hotWaterValues.includes(x) ? 1 : 0 };
    case 'alarm_code':
      return Number.isInteger(x) ? { ok: true, value: x } : { ok: false, reason: 'non_integer_code' };
    default:
      return { ok: true, value: x };
  }
}

function auxKw(entry: RegisterEntry, x: number, aux: AuxConversion): number {
  if (aux.kind === 'percent') return (x / 100) * aux.nominalKw;
  if (aux.kind === 'steps' && entry.auxInput === 'stepCount') {
    const on = Math.max(0, Math.min(aux.stepKw.length, Math.round(x)));
    return aux.stepKw.slice(0, on).reduce((sum, kw) => sum + kw, 0);
  }
  return x;
}
