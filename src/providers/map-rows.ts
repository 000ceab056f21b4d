import { isGapValue, orderSamples, type CleanSeriesOptions } from '../model/clean-series.js';
import { emptyIssueCounts, mergeIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import { parseSampleValue, parseTimestamp } from '../model/parse-value.js';
import type { Role } from '../model/role.js';
import { gapMarker, type Sample, type Series, type SeriesByRole } from '../model/sample.js';
import { convertValue, isActiveAuxInput } from './convert-value.js';
import { combineAuxSteps, deriveSeries } from './derive-series.js';
import type { BrandProvider, RegisterEntry } from './types.js';

/** One stored point as the bridge reads it (husdata: register_id and name tags; generic: the role). */
export interface ProviderRow {
  /** Epoch ms (Date objects and ISO strings are also accepted). */
  readonly t: number;
  readonly name?: string;
  readonly registerId?: string;
  readonly value: unknown;
}

export interface MapRowsResult {
  readonly series: SeriesByRole;
  /** Skipped rows by reason, over all roles. */
  readonly issues: DataIssueCounts;
  /** Up to 50 distinct register ids / names that the brand table does not know. */
  readonly unknownKeys: readonly string[];
}

const MAX_UNKNOWN_KEYS = 50;
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
  const byId = new Map<string, RegisterEntry>();
  const byName = new Map<string, RegisterEntry>();
  for (const entry of provider.registers) {
    byId.set(entry.registerId.toUpperCase(), entry);
    byName.set(entry.name, entry);
  }
  const issues = emptyIssueCounts();
  const unknown = new Set<string>();
  const buckets = new Map<Role, Sample[]>();
  const stepBuckets: Sample[][] = [];

  /** Where an entry's samples go; undefined for registers without a role or an unused aux input. */
  const bucketFor = (entry: RegisterEntry): Sample[] | undefined => {
    const role = entry.role;
    if (!role || (role === 'aux_heater' && !isActiveAuxInput(entry, provider.aux))) return undefined;
    if (entry.auxInput === 'step' && role === 'aux_heater') return (stepBuckets[entry.auxStep ?? 0] ??= []);
    let bucket = buckets.get(role);
    if (!bucket) buckets.set(role, (bucket = []));
    return bucket;
  };

  // Rows arrive grouped by signal (one stream per register), so the lookup is done once per run.
  let lastId: unknown = NOT_LOOKED_UP;
  let lastName: unknown = NOT_LOOKED_UP;
  let entry: RegisterEntry | undefined;
  let bucket: Sample[] | undefined;
  for (const row of rows) {
    if (row?.registerId !== lastId || row?.name !== lastName) {
      entry = findEntry(row, byId, byName);
      bucket = entry && bucketFor(entry);
      lastId = row?.registerId;
      lastName = row?.name;
    }
    if (!entry) {
      issues.unknown_register += 1;
      if (unknown.size < MAX_UNKNOWN_KEYS) unknown.add(String(row?.registerId ?? row?.name ?? '(none)'));
      continue;
    }
    if (!bucket) continue;
    const t = parseTimestamp(row.t);
    if (!t.ok) {
      issues[t.reason] += 1;
      continue;
    }
    if (options.gapValues === 'break' && isGapValue(row.value)) {
      // A gap marker is not converted; orderSamples keeps it.
      bucket.push(gapMarker(t.value));
      continue;
    }
    const stored = parseSampleValue(row.value);
    if (!stored.ok) {
      issues[stored.reason] += 1;
      continue;
    }
    const value = convertValue(entry, stored.value, provider);
    if (!value.ok) {
      issues[value.reason] += 1;
      continue;
    }
    // Scaling can overflow a huge stored value; orderSamples below takes samples as valid.
    if (!Number.isFinite(value.value)) {
      issues.non_finite += 1;
      continue;
    }
    bucket.push({ t: t.value, v: value.value });
  }

  const series: SeriesByRole = {};
  const cleanIssues: DataIssueCounts[] = [];
  // A bucket is made when its register is first seen; one that got no sample is a missing signal.
  for (const [role, bucket] of buckets) {
    if (bucket.length === 0) continue;
    const cleaned = orderSamples(bucket, options);
    series[role] = cleaned.series;
    cleanIssues.push(cleaned.issues);
  }
  if (stepBuckets.some((b) => b.length > 0) && provider.aux.kind === 'steps') {
    const steps: Array<Series | undefined> = [];
    for (let i = 0; i < stepBuckets.length; i += 1) {
      const bucket = stepBuckets[i];
      if (!bucket || bucket.length === 0) continue;
      const cleaned = orderSamples(bucket, options);
      steps[i] = cleaned.series;
      cleanIssues.push(cleaned.issues);
    }
    series.aux_heater = combineAuxSteps(steps, provider.aux.stepKw);
  }
  return {
    series: deriveSeries(series, provider),
    issues: mergeIssueCounts(issues, ...cleanIssues),
    unknownKeys: [...unknown],
  };
}

function findEntry(
  row: ProviderRow,
  byId: ReadonlyMap<string, RegisterEntry>,
  byName: ReadonlyMap<string, RegisterEntry>,
): RegisterEntry | undefined {
  if (row === null || typeof row !== 'object') return undefined;
  const id =
    row.registerId === undefined || row.registerId === null
      ? undefined
      : byId.get(String(row.registerId).toUpperCase());
  if (id) return id;
  return row.name === undefined || row.name === null ? undefined : byName.get(String(row.name));
}
