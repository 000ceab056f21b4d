import type { RegisterEntry, RegisterType } from './types.js';

// Reference §1: the husdata collector stores raw/10 for these types and the raw value otherwise.
const DIVIDED_TYPES: ReadonlySet<RegisterType> = new Set(['temperature', 'percentage', 'setpoint', 'flow']);

/** True when the husdata collector divides registers of this type by 10 before storing them. */
export function collectorDividesType(type: RegisterType): boolean {
  return DIVIDED_TYPES.has(type);
}

type RegisterExtras = Partial<
  Pick<RegisterEntry, 'role' | 'scale' | 'offset' | 'auxInput' | 'auxStep' | 'onThreshold'>
>;

/**
 * Builds a husdata register entry. `collectorDivides` follows from the type, and `scale` defaults to
 * 1 because the collector's division already puts temperatures in °C and percentages in %.
 */
export function defineRegister(
  spec: {
    readonly id: string;
    readonly name: string;
    readonly type: RegisterType;
    readonly unit: string;
    readonly meaning: string;
  },
  extras: RegisterExtras = {},
): RegisterEntry {
  return {
    registerId: spec.id.toUpperCase(),
    name: spec.name,
    unit: spec.unit,
    type: spec.type,
    meaning: spec.meaning,
    collectorDivides: collectorDividesType(spec.type),
    scale: 1,
    ...extras,
  };
}
