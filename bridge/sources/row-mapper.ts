import { mapRows } from '../../src/providers/index.js';
import type { BrandProvider } from '../../src/providers/index.js';
import type { DataIssueCounts, SeriesByRole } from '../../src/model/index.js';
import type { SourceRow } from '../influx/query-plan.js';

/** Turns keyed source rows into canonical series through a brand provider (DESIGN.md section 5). */
export interface RowMapper {
  /** Source keys worth asking the database for (husdata register names); empty = all. */
  readonly knownKeys: readonly string[];
  map(rows: readonly SourceRow[]): MappedRows;
}

export interface MappedRows {
  series: SeriesByRole;
  issues: DataIssueCounts;
  unmappedKeys: string[];
}

export interface ProviderMapperOptions {
  provider: BrandProvider;
  /** husdata: restrict the query to the names the provider maps to a role. */
  restrictToKnownNames: boolean;
}

/**
 * Rows keyed by husdata register name, or by role for the generic provider (home-assistant and
 * custom layouts). The provider does scaling, aux kW, on/off and integer alarm codes.
 */
export function providerMapper(options: ProviderMapperOptions): RowMapper {
  const { provider } = options;
  const knownKeys = options.restrictToKnownNames
    ? [...new Set(provider.registers.filter((r) => r.role !== undefined).map((r) => r.name))]
    : [];
  return {
    knownKeys,
    map(rows) {
      // Union results arrive grouped by stream, not by time: sorting is expected, not an error.
      const result = mapRows(provider, rows, { outOfOrder: 'sort' });
      return { series: result.series, issues: result.issues, unmappedKeys: [...result.unknownKeys] };
    },
  };
}
