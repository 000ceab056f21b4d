import { isGapValue, orderSamples, type CleanSeriesOptions } from '../model/clean-series.js';
import { emptyIssueCounts, mergeIssueCounts, type DataIssueCounts } from '../model/data-issues.js';
import { parseSampleValue, parseTimestamp } from '../model/parse-value.js';
import type { Role } from '../model/role.js';
import { gapMarker, type Sample, type Series } from '../model/sample.js';
import { convertValue, isActiveAuxInput } from './convert-value.js';
import { combineAuxSteps, deriveSeries } from './derive-series.js';
import type { MapRowsResult } from './map-rows.js';
import type { BrandProvider, RegisterEntry } from './types.js';

const MAX_UNKNOWN_KEYS = 50;

/**
 * What mapRows and mapPoints share: a key picks a register (by id, case-insensitive, else by
 * name), then that register's stored values are converted into its role's bucket, each bad one
 * counted by reason. Keys arrive in runs (one stream per register), so `select` is called once
 * per run and `add…` once per point.
 */
export interface SeriesBuilder {
  /** The register of the points that follow. */
  select(registerId: unknown, name: unknown): void;
  /** A point of any shape (strings, Dates, numbers), parsed as cleanSeries would. */
  addRaw(t: unknown, value: unknown): void;
  /** A point already numeric (epoch ms, stored value; NaN for a null). */
  addNumber(t: number, value: number): void;
  finish(): MapRowsResult;
}

export function createSeriesBuilder(provider: BrandProvider, options: CleanSeriesOptions): SeriesBuilder {
  const byId = new Map<string, RegisterEntry>();
  const byName = new Map<string, RegisterEntry>();
  for (const e of provider.registers) {
    byId.set(e.registerId.toUpperCase(), e);
    byName.set(e.name, e);
  }
  const breakOnGap = options.gapValues === 'break';
  const issues = emptyIssueCounts();
  const unknown = new Set<string>();
  const buckets = new Map<Role, Sample[]>();
  const stepBuckets: Sample[][] = [];
  let entry: RegisterEntry | undefined;
  let bucket: Sample[] | undefined;
  let unknownKey = '';

  /** Where an entry's samples go; undefined for registers without a role or an unused aux input. */
  const bucketFor = (e: RegisterEntry): Sample[] | undefined => {
    const role = e.role;
    if (!role || (role === 'aux_heater' && !isActiveAuxInput(e, provider.aux))) return undefined;
    if (e.auxInput === 'step' && role === 'aux_heater') return (stepBuckets[e.auxStep ?? 0] ??= []);
    let b = buckets.get(role);
    if (!b) buckets.set(role, (b = []));
    return b;
  };

  /** Records a stored value of the selected register (finite `t`), counting what is wrong with it. */
  const store = (t: number, stored: number): void => {
    const converted = convertValue(entry as RegisterEntry, stored, provider);
    if (!converted.ok) issues[converted.reason] += 1;
    // Scaling can overflow a huge stored value; orderSamples takes samples as valid.
    else if (!Number.isFinite(converted.value)) issues.non_finite += 1;
    else (bucket as Sample[]).push({ t, v: converted.value });
  };

  /** False (counted) when no point of the selected key is kept. */
  const wanted = (): boolean => {
    if (entry === undefined) {
      issues.unknown_register += 1;
      if (unknown.size < MAX_UNKNOWN_KEYS) unknown.add(unknownKey);
      return false;
    }
    return bucket !== undefined;
  };

  return {
    select(registerId, name) {
      const id =
        registerId === undefined || registerId === null
          ? undefined
          : byId.get(String(registerId).toUpperCase());
      entry = id ?? (name === undefined || name === null ? undefined : byName.get(String(name)));
      bucket = entry && bucketFor(entry);
      unknownKey = String(registerId ?? name ?? '(none)');
    },
    addRaw(rawT, rawValue) {
      if (!wanted()) return;
      const t = parseTimestamp(rawT);
      if (!t.ok) issues[t.reason] += 1;
      // A gap marker is not converted; orderSamples keeps it.
      else if (breakOnGap && isGapValue(rawValue)) (bucket as Sample[]).push(gapMarker(t.value));
      else {
        const stored = parseSampleValue(rawValue);
        if (!stored.ok) issues[stored.reason] += 1;
        else store(t.value, stored.value);
      }
    },
    addNumber(t, value) {
      if (!wanted()) return;
      if (!Number.isFinite(t)) issues.bad_timestamp += 1;
      else if (Number.isNaN(value)) {
        if (breakOnGap) (bucket as Sample[]).push(gapMarker(t));
        else issues.nan += 1;
      } else if (!Number.isFinite(value)) issues.non_finite += 1;
      else store(t, value);
    },
    finish() {
      const series: Partial<Record<Role, Series>> = {};
      const cleanIssues: DataIssueCounts[] = [];
      // A bucket is made when its register is first seen; one that got no sample is a missing signal.
      for (const [role, b] of buckets) {
        if (b.length === 0) continue;
        const cleaned = orderSamples(b, options);
        series[role] = cleaned.series;
        cleanIssues.push(cleaned.issues);
      }
      if (stepBuckets.some((b) => b.length > 0) && provider.aux.kind === 'steps') {
        const steps: Array<Series | undefined> = [];
        for (let i = 0; i < stepBuckets.length; i += 1) {
          const b = stepBuckets[i];
          if (!b || b.length === 0) continue;
          const cleaned = orderSamples(b, options);
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
    },
  };
}
