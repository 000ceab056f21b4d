import { startPointMapping } from '../../src/providers/index.js';
import type { BrandProvider } from '../../src/providers/index.js';
import type { DataIssueCounts, SeriesByRole } from '../../src/model/index.js';
import type { KeyedPoints } from '../influx/keyed-points.js';

/** Turns keyed source points into canonical series through a brand provider (DESIGN.md section 5). */
export interface RowMapper {
  /** Source keys worth asking the database for (husdata register names); empty = all. */
  readonly knownKeys: readonly string[];
  /** A mapping fed batch by batch while a read is still arriving (InfluxSource.fetch). */
  start(): RowMapping;
}

export interface RowMapping {
  add(runs: readonly KeyedPoints[]): void;
  finish(): MappedRows;
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
 * Points keyed by husdata register name, or by role for the generic provider (home-assistant and
 * custom layouts). The provider does scaling, aux kW, on/off and integer alarm codes.
 */
export function providerMapper(options: ProviderMapperOptions): RowMapper {
  const { provider } = options;
  const knownKeys = options.restrictToKnownNames
    ? [...new Set(provider.registers.filter((r) => r.role !== undefined).map((r) => r.name))]
    : [];
  return {
    knownKeys,
    start() {
      // Union results arrive grouped by stream, not by time: sorting is expected, not an error.
      const mapping = startPointMapping(provider, { outOfOrder: 'sort' });
      return {
        add: (runs) => mapping.add(runs),
        finish() {
          const result = mapping.finish();
          return { series: result.series, issues: result.issues, unmappedKeys: [...result.unknownKeys] };
        },
      };
    },
  };
}
