import { durationLiteral, fluxString, influxqlIdent, isoTime } from './escape.js';
import { fluxHead, fluxStreams, unionOf } from './flux-query.js';
import {
  influxqlStatements,
  joinStatements,
  timeCondition,
  type InfluxQLQuery,
  type Statement,
} from './influxql-query.js';
import type { QueryPlan, QueryRange } from './query-plan.js';

/**
 * Queries that keep the downsampled copy of the data (influxdb.downsample_*) and find how far it
 * reaches. The copy has the raw data's measurements, fields and tags, one point per signal and
 * downsample window, aggregated as the reads aggregate (mean for values, last for states and
 * counters), so the read queries work on it unchanged. InfluxDB does the aggregating and the
 * writing; the bridge only sends the query and gets a count back.
 */

/** Row key of the single row a downsample write answers with: the number of points written. */
export const WRITTEN_KEY = 'written';
/** Row keys of the bounds queries: the earliest and the latest point of the copy. */
export const FIRST_KEY = 'first';
export const LAST_KEY = 'last';

export interface FluxDownsampleOptions {
  /** Bucket the raw data is in. */
  source: string;
  /** Bucket the windows go to. */
  target: string;
  plan: QueryPlan;
  /** Window-aligned range; `windowMs` is the downsample window. */
  range: QueryRange;
}

/** Aggregates [from, to) of the raw bucket into windows and writes them with `to()`. */
export function buildFluxDownsample(options: FluxDownsampleOptions): string {
  const { plan, range } = options;
  const every = durationLiteral(range.windowMs);
  const streams = fluxStreams(plan, fluxHead(options.source, range), (fn) => [
    `  |> aggregateWindow(every: ${every}, fn: ${fn}, timeSrc: "_start", createEmpty: false)`,
    // One field type in the copy whatever the raw one was: `last` of an integer stays integer,
    // and a mean is a float; InfluxDB refuses a second type for one field.
    `  |> map(fn: (r) => ({r with _value: float(v: r._value)}))`,
  ]);
  return [
    unionOf(streams),
    // to() writes _measurement, _field, _value and every string column (the tags) as they were.
    `  |> to(bucket: ${fluxString(options.target)})`,
    // Answer with one count instead of streaming every written point back.
    '  |> count()',
    '  |> group()',
    '  |> sum()',
    `  |> map(fn: (r) => ({_time: ${isoTime(range.from)}, _value: float(v: r._value), key: ${fluxString(WRITTEN_KEY)}}))`,
    '',
  ].join('\n');
}

/** The first and last point of every stream of the plan in `bucket` before `to`. */
export function buildFluxBounds(options: { bucket: string; plan: QueryPlan; to: number }): string {
  const head = fluxHead(options.bucket, { from: 0, to: options.to });
  const ends = [FIRST_KEY, LAST_KEY].map((selector) =>
    fluxStreams(options.plan, head, () => [
      `  |> ${selector}()`,
      `  |> map(fn: (r) => ({_time: r._time, _value: 0.0, key: ${fluxString(selector)}}))`,
    ]),
  );
  return `${unionOf(ends.flat())}  |> group()\n`;
}

export interface InfluxQLDownsampleOptions {
  plan: QueryPlan;
  /** Retention policy of the raw data (unset: the database default). */
  sourceRetentionPolicy: string | undefined;
  /** Retention policy (same database) the windows go to. */
  targetRetentionPolicy: string;
  range: QueryRange;
}

/** SELECT … INTO per statement of the plan; `GROUP BY *` keeps the tags as tags. */
export function buildInfluxQLDownsample(options: InfluxQLDownsampleOptions): InfluxQLQuery {
  const every = durationLiteral(options.range.windowMs);
  const statements = influxqlStatements(options.plan, options.sourceRetentionPolicy, {
    where: [timeCondition(options.range)],
    // The field keeps its name, so the reads find it in the copy.
    select: (fn, field) => `${fn}(${field}) AS ${field}`,
    into: ` INTO ${influxqlIdent(options.targetRetentionPolicy)}.:MEASUREMENT`,
    groupBy: () => ` GROUP BY time(${every}), * fill(none)`,
  });
  return joinStatements(
    statements.map((s): Statement => ({ text: s.text, key: { fixed: WRITTEN_KEY } })),
    'written',
  );
}

/** The first and last point of every statement of the plan in the retention policy. */
export function buildInfluxQLBounds(options: { plan: QueryPlan; retentionPolicy: string }): InfluxQLQuery {
  const statements = [FIRST_KEY, LAST_KEY].flatMap((selector) =>
    influxqlStatements(options.plan, options.retentionPolicy, {
      where: [],
      select: (_fn, field) => `${selector}(${field}) AS "value"`,
      groupBy: () => '',
    }).map((s): Statement => ({ text: s.text, key: { fixed: selector } })),
  );
  return joinStatements(statements);
}
