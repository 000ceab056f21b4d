import type { CleanSeriesOptions } from '../model/clean-series.js';
import type { DataIssueCounts } from '../model/data-issues.js';
import type { SeriesByRole } from '../model/sample.js';
import { createSeriesBuilder } from './series-builder.js';
import type { BrandProvider } from './types.js';

/** One stored point as the bridge reads it (husdata: register_id and name tags; generic: the role). */
export interface ProviderRow {
  /** Epoch ms (Date objects and ISO strings are also accepted). */
  readonly t: number;
  readonly name?: string;
  readonly registerId?: string;
  readonly value: unknown;
}

/**
 * Consecutive stored points of one key, side by side: epoch ms and stored values (NaN for a
 * null). The bridge's transports read rows this way, one run per stream.
 */
export interface ProviderPoints {
  readonly name?: string;
  readonly registerId?: string;
  readonly t: ArrayLike<number>;
  readonly v: ArrayLike<number>;
}

export interface MapRowsResult {
  readonly series: SeriesByRole;
  /** Skipped rows by reason, over all roles. */
  readonly issues: DataIssueCounts;
  /** Up to 50 distinct register ids / names that the brand table does not know. */
  readonly unknownKeys: readonly string[];
}

/** No row's key: the first row is always looked up. */
const NOT_LOOKED_UP = Symbol('not looked up');

/**
 * Raw rows -> canonical series. A row is matched by register id (case-insensitive), else by name;
 * rows of registers without a role are ignored, unknown registers counted. Values are converted
 * with convertValue (scaling, aux kW, 0/1 states, integer alarm codes), each role is cleaned as
 * cleanSeries would (rows are parsed here once, then put in order by orderSamples), IVT-style aux
 * steps are summed to kW, and implied signals are derived (deriveSeries). Never throws.
 */
export function mapRows(
  provider: BrandProvider,
  rows: ReadonlyArray<ProviderRow>,
  options: CleanSeriesOptions = {},
): MapRowsResult {
  const builder = createSeriesBuilder(provider, options);
  // Rows arrive grouped by signal (one stream per register), so the lookup is done once per run.
  let lastId: unknown = NOT_LOOKED_UP;
  let lastName: unknown = NOT_LOOKED_UP;
  for (const row of rows) {
    if (row?.registerId !== lastId || row?.name !== lastName) {
      lastId = row?.registerId;
      lastName = row?.name;
      builder.select(lastId, lastName);
    }
    builder.addRaw(row?.t, row?.value);
  }
  return builder.finish();
}

/** mapPoints fed as the points arrive (a batch at a time), so mapping overlaps the reading. */
export interface PointMapping {
  add(runs: ReadonlyArray<ProviderPoints>): void;
  /** The result over everything added; call once. */
  finish(): MapRowsResult;
}

export function startPointMapping(provider: BrandProvider, options: CleanSeriesOptions = {}): PointMapping {
  const builder = createSeriesBuilder(provider, options);
  return {
    add(runs) {
      for (const run of runs) {
        builder.select(run.registerId, run.name);
        const { t, v } = run;
        for (let i = 0; i < t.length; i++) builder.addNumber(t[i] as number, v[i] as number);
      }
    },
    finish: () => builder.finish(),
  };
}

/**
 * mapRows for points read in runs (see ProviderPoints): the same series, issues and unknown keys
 * as mapRows over the same points one row each, without an object per row.
 */
export function mapPoints(
  provider: BrandProvider,
  runs: ReadonlyArray<ProviderPoints>,
  options: CleanSeriesOptions = {},
): MapRowsResult {
  const mapping = startPointMapping(provider, options);
  mapping.add(runs);
  return mapping.finish();
}
