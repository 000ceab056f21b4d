import { durationLiteral, influxqlIdent, influxqlString, isoTime } from './escape.js';
import type { Aggregate, QueryPlan, QueryRange, SignalSelector, TaggedPlan } from './query-plan.js';

/**
 * Builds the InfluxQL statements for a plan and range, joined with `;` into one request.
 * `statementKeys` says how to name the rows of each statement's result: a fixed key, or the
 * value of a GROUP BY tag. GROUP BY time() stamps windows with their start, as the Flux builder does.
 */
export interface InfluxQLQueryOptions {
  plan: QueryPlan;
  range: QueryRange;
  retentionPolicy?: string | undefined;
}

export type StatementKey = { fixed: string } | { tag: string };

export interface InfluxQLQuery {
  text: string;
  statementKeys: StatementKey[];
}

export function buildInfluxQLQuery(options: InfluxQLQueryOptions): InfluxQLQuery {
  const { plan, range } = options;
  if (!(range.to > range.from)) throw new RangeError('range.to must be after range.from');
  const time = `time >= ${influxqlString(isoTime(range.from))} AND time < ${influxqlString(isoTime(range.to))}`;
  const every = durationLiteral(range.windowMs);
  const statements =
    plan.kind === 'tagged'
      ? taggedStatements(plan, { time, every, rp: options.retentionPolicy })
      : plan.signals.map((s) => signalStatement(s, { time, every, rp: options.retentionPolicy }));
  if (statements.length === 0) throw new RangeError('a query plan needs at least one signal');
  return { text: statements.map((s) => s.text).join('; '), statementKeys: statements.map((s) => s.key) };
}

interface Parts {
  time: string;
  every: string;
  rp: string | undefined;
}

function from(measurement: string | undefined, rp: string | undefined): string {
  // HA writes one measurement per unit; without a configured one, any measurement matches.
  const m = measurement === undefined ? '/.*/' : influxqlIdent(measurement);
  return rp === undefined ? m : `${influxqlIdent(rp)}.${m}`;
}

function taggedStatements(plan: TaggedPlan, parts: Parts): { text: string; key: StatementKey }[] {
  const where = [parts.time];
  if (plan.keys.length > 0) where.push(anyOf(plan.keyTag, plan.keys));
  const last = plan.lastWhen.values.map((v) => `${influxqlIdent(plan.lastWhen.tag)} = ${influxqlString(v)}`);
  const notLast = plan.lastWhen.values.map(
    (v) => `${influxqlIdent(plan.lastWhen.tag)} != ${influxqlString(v)}`,
  );
  const statement = (fn: Aggregate, extra: string[]): string =>
    `SELECT ${fn}(${influxqlIdent(plan.field)}) AS "value" FROM ${from(plan.measurement, parts.rp)} WHERE ${[...where, ...extra].join(' AND ')} GROUP BY time(${parts.every}), ${influxqlIdent(plan.keyTag)} fill(none)`;
  const out = [
    {
      text: statement('mean', notLast.length > 0 ? [`(${notLast.join(' AND ')})`] : []),
      key: { tag: plan.keyTag },
    },
  ];
  if (last.length > 0)
    out.push({ text: statement('last', [`(${last.join(' OR ')})`]), key: { tag: plan.keyTag } });
  return out;
}

function signalStatement(signal: SignalSelector, parts: Parts): { text: string; key: StatementKey } {
  const where = [parts.time];
  for (const [tag, value] of Object.entries(signal.tags))
    where.push(`${influxqlIdent(tag)} = ${influxqlString(value)}`);
  return {
    text: `SELECT ${signal.aggregate}(${influxqlIdent(signal.field)}) AS "value" FROM ${from(signal.measurement, parts.rp)} WHERE ${where.join(' AND ')} GROUP BY time(${parts.every}) fill(none)`,
    key: { fixed: signal.key },
  };
}

function anyOf(tag: string, values: readonly string[]): string {
  return `(${values.map((v) => `${influxqlIdent(tag)} = ${influxqlString(v)}`).join(' OR ')})`;
}
