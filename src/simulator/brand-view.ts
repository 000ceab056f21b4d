import type { Role } from '../model/role.js';
import { mapRows } from '../providers/map-rows.js';
import { getProvider } from '../providers/registry.js';
import { truthValue } from './canonical.js';
import type { SimFrame } from './frame.js';
import { HusdataLayout } from './husdata-layout.js';
import type { SimBrand, SimulatorOptions } from './options.js';

/** The canonical signals a brand's gateway gives the bridge for the simulated pump. */
export interface BrandView {
  readonly roles: readonly Role[];
  /** Canonical value of a role in a frame, as the provider would map it (NaN when absent). */
  value(frame: SimFrame, role: Role): number;
}

/**
 * What the bridge sees of the simulation through a brand's gateway, without writing and mapping
 * a row per register: the roles are those the brand provider maps from the written registers
 * (learned by mapping one poll), the values are the truth except where the brand's register
 * means something else (IVT's alarm-code register keeps the last alarm). Tests pin this view to
 * mapRows over the full husdata rows.
 */
export function brandView(brand: SimBrand, options: SimulatorOptions, probe: SimFrame): BrandView {
  const provider = getProvider(brand);
  const layout = new HusdataLayout(brand, options);
  const mapped = mapRows(provider, layout.rows([probe]));
  const roles = (Object.keys(mapped.series) as Role[]).filter((r) => (mapped.series[r]?.length ?? 0) > 0);
  const lastCode = provider.alarm.codeIsLastNotActive;
  return {
    roles,
    value(frame, role) {
      if (role === 'alarm_code' && lastCode) return frame.lastAlarmCode;
      return truthValue(frame, role, brand) ?? Number.NaN;
    },
  };
}
