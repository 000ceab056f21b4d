import { ROLES, type Role, type RoleKind } from '../../model/role.js';
import { assertAuxConversion, assertCompressor, assertNumber } from '../validate.js';
import type {
  AlarmSource,
  AlarmTable,
  AuxConversion,
  AuxInput,
  BrandProvider,
  CompressorSemantics,
  ModeTable,
  RegisterEntry,
  RegisterType,
  ValveSemantics,
} from '../types.js';

/**
 * How one role's stored value becomes the canonical unit: canonical = stored x scale + offset
 * (e.g. scale 0.001 for an aux heater logged in W). onThreshold: for state roles (compressor in Hz,
 * pumps in W...), on when canonical value > onThreshold.
 */
export interface GenericRoleMapping {
  readonly unit?: string;
  readonly scale?: number;
  readonly offset?: number;
  readonly onThreshold?: number;
}

/** Brand-like options of a generic provider; everything has a sensible default. */
export interface GenericBrandOptions {
  readonly id?: string;
  readonly displayName?: string;
  /** Default kw. For steps, the aux_heater signal is the number of steps on. */
  readonly aux?: AuxConversion;
  readonly compressor?: CompressorSemantics;
  readonly valve?: ValveSemantics;
  readonly alarm?: AlarmSource;
  readonly alarms?: AlarmTable;
  readonly alarmTableVerified?: boolean;
  readonly operatingModes?: ModeTable;
}

/**
 * Per-role mappings. Separate from GenericBrandOptions because `compressor` and `valve` are both a
 * role (its mapping) and a brand option (its semantics).
 */
export type GenericMapping = Partial<Record<Role, GenericRoleMapping>>;

const TYPE_OF_KIND: Readonly<Record<RoleKind, RegisterType>> = {
  temperature: 'temperature',
  state: 'status',
  speed: 'setting',
  power: 'power',
  energy: 'energy',
  integral: 'setting',
  code: 'alarm',
  mode: 'setting',
};

const AUX_INPUT: Readonly<Record<AuxConversion['kind'], AuxInput>> = {
  percent: 'percent',
  steps: 'stepCount',
  kw: 'kw',
};

/**
 * A provider for the `home-assistant` and `custom` source layouts (DESIGN.md §4): rows arrive
 * already keyed by role (row.name or row.registerId = the role name). Every role is accepted;
 * the mapping only sets units, scaling and thresholds. Throws a RangeError naming the key on
 * invalid numbers (configuration error).
 */
export function createGenericProvider(
  mapping: GenericMapping = {},
  config: GenericBrandOptions = {},
): BrandProvider {
  const aux = config.aux ?? { kind: 'kw' };
  assertAuxConversion(aux, 'aux');
  const compressor = config.compressor ?? { kind: 'onOff' };
  assertCompressor(compressor, 'compressor');
  const registers = ROLES.map((info): RegisterEntry => {
    const m = mapping[info.role] ?? {};
    for (const key of ['scale', 'offset', 'onThreshold'] as const) {
      if (m[key] !== undefined) assertNumber(m[key], `${info.role}.${key}`);
    }
    return {
      registerId: info.role,
      name: info.role,
      role: info.role,
      unit: m.unit ?? info.unit,
      scale: m.scale ?? 1,
      type: TYPE_OF_KIND[info.kind],
      collectorDivides: false,
      meaning: info.description,
      ...(m.offset !== undefined ? { offset: m.offset } : {}),
      ...(m.onThreshold !== undefined ? { onThreshold: m.onThreshold } : {}),
      ...(info.role === 'aux_heater' ? { auxInput: AUX_INPUT[aux.kind] } : {}),
    };
  });
  return {
    id: config.id ?? 'generic',
    displayName: config.displayName ?? 'Generic',
    registers,
    valve: config.valve ?? { hotWaterValues: [1], description: 'valve: 0 space heating, 1 hot water' },
    aux,
    compressor,
    alarm: config.alarm ?? { activeRole: 'alarm_active', codeRole: 'alarm_code', codeIsLastNotActive: false },
    alarms: config.alarms ?? { 0: { en: 'No alarm', sv: 'Inget larm', severity: 'info' } },
    alarmTableVerified: config.alarmTableVerified ?? false,
    operatingModes: config.operatingModes ?? {},
    notes: ['Rows are keyed by role; units and scaling come from the configured mapping.'],
  };
}

/** The generic provider with identity mappings (values already in canonical units). */
export const generic: BrandProvider = createGenericProvider();
