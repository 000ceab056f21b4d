import type { Role } from '../model/role.js';
import { BRAND_PROVIDERS } from './brands.js';
import type {
  AlarmSource,
  AlarmTable,
  AuxConversion,
  BrandProvider,
  CompressorSemantics,
  RegisterEntry,
  ValveSemantics,
} from './types.js';
import { assertAuxConversion, assertCompressor, assertNumber } from './validate.js';

/** Per-installation change to one register; `role: null` unmaps it. */
export interface RegisterOverride {
  readonly role?: Role | null;
  readonly scale?: number;
  readonly offset?: number;
  readonly unit?: string;
  readonly onThreshold?: number;
}

/** Installation-specific changes to a brand (nominal aux power, a sensor on another register...). */
export interface ProviderOverrides {
  readonly displayName?: string;
  readonly aux?: AuxConversion;
  readonly compressor?: CompressorSemantics;
  readonly valve?: ValveSemantics;
  readonly alarm?: AlarmSource;
  /** Merged over the brand's table (codes here win). */
  readonly alarms?: AlarmTable;
  /** Keyed by register id (any case) or collector name. */
  readonly registers?: Readonly<Record<string, RegisterOverride>>;
  /** Registers the brand table lacks. */
  readonly extraRegisters?: readonly RegisterEntry[];
}

/** A brand as listed for configuration UIs. */
export interface BrandSummary {
  readonly id: string;
  readonly displayName: string;
  readonly alarmTableVerified: boolean;
}

/** All brands from BRAND_PROVIDERS, in order. */
export function listBrands(): BrandSummary[] {
  return BRAND_PROVIDERS.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    alarmTableVerified: p.alarmTableVerified,
  }));
}

/**
 * The provider for `brand` (case-insensitive id), with overrides applied. Throws a RangeError
 * naming the problem for an unknown brand or an invalid override (configuration errors).
 */
export function getProvider(brand: string, overrides: ProviderOverrides = {}): BrandProvider {
  const base = BRAND_PROVIDERS.find((p) => p.id === String(brand).toLowerCase());
  if (!base) {
    throw new RangeError(
      `brand: unknown brand "${brand}"; known: ${BRAND_PROVIDERS.map((p) => p.id).join(', ')}`,
    );
  }
  return applyOverrides(base, overrides);
}

/** A copy of `provider` with `overrides` applied (see ProviderOverrides). */
export function applyOverrides(provider: BrandProvider, overrides: ProviderOverrides): BrandProvider {
  if (overrides.aux) assertAuxConversion(overrides.aux, 'aux');
  if (overrides.compressor) assertCompressor(overrides.compressor, 'compressor');
  const patches = new Map<string, [string, RegisterOverride]>();
  for (const [key, patch] of Object.entries(overrides.registers ?? {})) {
    const entry = provider.registers.find((e) => e.registerId === key.toUpperCase() || e.name === key);
    if (!entry)
      throw new RangeError(`registers.${key}: no register with this id or name in brand ${provider.id}`);
    for (const field of ['scale', 'offset', 'onThreshold'] as const) {
      if (patch[field] !== undefined) assertNumber(patch[field], `registers.${key}.${field}`);
    }
    patches.set(entry.registerId, [key, patch]);
  }
  const registers = provider.registers.map((entry) => {
    const found = patches.get(entry.registerId);
    return found ? patchRegister(entry, found[1]) : entry;
  });
  return {
    ...provider,
    displayName: overrides.displayName ?? provider.displayName,
    aux: overrides.aux ?? provider.aux,
    compressor: overrides.compressor ?? provider.compressor,
    valve: overrides.valve ?? provider.valve,
    alarm: overrides.alarm ?? provider.alarm,
    alarms: { ...provider.alarms, ...overrides.alarms },
    registers: [...registers, ...(overrides.extraRegisters ?? [])],
  };
}

function patchRegister(entry: RegisterEntry, patch: RegisterOverride): RegisterEntry {
  const { role, ...rest } = patch;
  const patched: RegisterEntry = { ...entry, ...rest };
  if (role === undefined) return patched;
  if (role === null) {
    const { role: _removed, ...withoutRole } = patched;
    return withoutRole;
  }
  return { ...patched, role };
}
