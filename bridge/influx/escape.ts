/**
 * Escaping for text that goes into Flux and InfluxQL queries. Every measurement, tag key,
 * tag value, field and bucket name from config passes through one of these; nothing from
 * outside is ever concatenated raw. Numbers and times are formatted by us from numbers.
 */

/** Flux double-quoted string literal. `${` would start string interpolation in Flux. */
export function fluxString(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '$') out += '\\$';
    else out += ch;
  }
  return `"${out}"`;
}

/** A Flux record column reference that works for any column name: r["..."]. */
export function fluxColumn(name: string): string {
  return `r[${fluxString(name)}]`;
}

/** InfluxQL double-quoted identifier (measurement, tag key, field, retention policy). */
export function influxqlIdent(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** InfluxQL single-quoted string literal (tag values, times). */
export function influxqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** RFC 3339 time from epoch ms; throws on a non-finite time rather than building a bad query. */
export function isoTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a finite time: ${epochMs}`);
  return new Date(epochMs).toISOString();
}

/** Duration literal accepted by both Flux and InfluxQL, e.g. 30s, 5m, 2h. */
export function durationLiteral(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0)
    throw new RangeError(`duration must be a positive whole number of ms: ${ms}`);
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
