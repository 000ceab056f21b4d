import { durationLiteral, fluxColumn, fluxString, isoTime } from './escape.js';
import type { Aggregate, QueryPlan, QueryRange, SignalSelector, TaggedPlan } from './query-plan.js';

/**
 * Builds one Flux query per plan and range. Every stream is `from |> range |> filter |>
 * aggregateWindow` so InfluxDB pushes the aggregation down to storage; streams are unioned so
 * a range costs one request. Output rows have the columns `_time`, `_value` (float) and `key`.
 * Windows are stamped with their start (`timeSrc: "_start"`), like InfluxQL's GROUP BY time(),
 * so both languages give the same timestamps and a value holds from its window's start.
 */
export interface FluxQueryOptions {
  bucket: string;
  plan: QueryPlan;
  range: QueryRange;
}

export function buildFluxQuery(options: FluxQueryOptions): string {
  const { plan, range, bucket } = options;
  const every = durationLiteral(range.windowMs);
  const streams = fluxStreams(plan, fluxHead(bucket, range), (fn, keyExpr) => tail(fn, every, keyExpr));
  return `${unionOf(streams)}  |> group()\n`;
}

/** The end of one stream: what follows `from |> range |> filter` for a signal aggregated with `fn`. */
export type StreamEnd = (fn: Aggregate, keyExpr: string) => string[];

/** `from |> range`, shared by every stream of a query. */
export function fluxHead(bucket: string, range: { from: number; to: number }): string {
  if (!(range.to > range.from)) throw new RangeError('range.to must be after range.from');
  return `from(bucket: ${fluxString(bucket)})\n  |> range(start: ${isoTime(range.from)}, stop: ${isoTime(range.to)})`;
}

/** One stream per aggregate of the plan (husdata: mean and last; the other layouts: per signal). */
export function fluxStreams(plan: QueryPlan, head: string, end: StreamEnd): string[] {
  const streams =
    plan.kind === 'tagged'
      ? taggedStreams(plan, head, end)
      : plan.signals.map((s) => signalStream(s, head, end));
  if (streams.length === 0) throw new RangeError('a query plan needs at least one signal');
  return streams;
}

/** Named streams and their union, so a range costs one request. */
export function unionOf(streams: readonly string[]): string {
  const named = streams.map((s, i) => `s${i} = ${s}`);
  const tables = streams.map((_, i) => `s${i}`).join(', ');
  return `${named.join('\n\n')}\n\nunion(tables: [${tables}])\n`;
}

function taggedStreams(plan: TaggedPlan, head: string, end: StreamEnd): string[] {
  const base = [
    `${head}`,
    `  |> filter(fn: (r) => r._measurement == ${fluxString(plan.measurement)} and r._field == ${fluxString(plan.field)})`,
  ];
  if (plan.keys.length > 0) base.push(`  |> filter(fn: (r) => ${anyOf(plan.keyTag, plan.keys)})`);
  const hasLast = plan.lastWhen.values.length > 0;
  const lastPredicate = hasLast ? anyOf(plan.lastWhen.tag, plan.lastWhen.values) : 'false';
  // `!= and !=`, never `not (== or ==)`: InfluxDB 2.x cannot push a `not` down to storage, and a
  // filter left in Flux also keeps aggregateWindow from being pushed down, so every raw point of
  // the range would stream through the Flux engine (30 d of 30 s data: ~10 s instead of < 1 s).
  const meanFilter = hasLast
    ? [`  |> filter(fn: (r) => ${noneOf(plan.lastWhen.tag, plan.lastWhen.values)})`]
    : [];
  const keyExpr = fluxColumn(plan.keyTag);
  return [
    [...base, ...meanFilter, ...end('mean', keyExpr)].join('\n'),
    [...base, `  |> filter(fn: (r) => ${lastPredicate})`, ...end('last', keyExpr)].join('\n'),
  ];
}

function signalStream(signal: SignalSelector, head: string, end: StreamEnd): string {
  const conditions = [`r._field == ${fluxString(signal.field)}`];
  if (signal.measurement !== undefined)
    conditions.unshift(`r._measurement == ${fluxString(signal.measurement)}`);
  for (const [tag, value] of Object.entries(signal.tags))
    conditions.push(`${fluxColumn(tag)} == ${fluxString(value)}`);
  return [
    head,
    `  |> filter(fn: (r) => ${conditions.join(' and ')})`,
    ...end(signal.aggregate, fluxString(signal.key)),
  ].join('\n');
}

function tail(fn: Aggregate, every: string, keyExpr: string): string[] {
  return [
    // aggregateWindow directly after filter so storage does the work (pushdown).
    `  |> aggregateWindow(every: ${every}, fn: ${fn}, timeSrc: "_start", createEmpty: false)`,
    // `last` keeps integer counters integer; one numeric type lets group() merge the union.
    `  |> map(fn: (r) => ({_time: r._time, _value: float(v: r._value), key: ${keyExpr}}))`,
  ];
}

function noneOf(tag: string, values: readonly string[]): string {
  return `(${values.map((v) => `${fluxColumn(tag)} != ${fluxString(v)}`).join(' and ')})`;
}

function anyOf(tag: string, values: readonly string[]): string {
  return `(${values.map((v) => `${fluxColumn(tag)} == ${fluxString(v)}`).join(' or ')})`;
}
