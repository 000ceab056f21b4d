import type { DataIssueReason } from './data-issues.js';

/** Either a parsed number or the reason it could not be parsed. */
export type Parsed =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: DataIssueReason };

// Plain decimal notation only: rejects '', '0x1F', '1_000', 'Infinity' which Number() would accept
// or turn into 0.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Home Assistant stores binary sensor states as these words; they are unambiguous. A Map, not an
// object literal: a state named "__proto__" or "constructor" must not find Object.prototype.
const WORDS: ReadonlyMap<string, number> = new Map([
  ['on', 1],
  ['off', 0],
  ['true', 1],
  ['false', 0],
]);

/**
 * Parses a sample value.
 * Accepted: finite numbers; booleans (1/0); strings holding a plain decimal number (InfluxDB CSV
 * and Home Assistant states arrive as strings; surrounding spaces are ignored); the words
 * on/off/true/false in any case (HA binary states). Everything else is rejected with a reason:
 * null/undefined -> missing_value, NaN -> nan, ±Infinity -> non_finite, other strings
 * ('unavailable', 'unknown', '12 kW') and objects -> non_numeric.
 */
export function parseSampleValue(raw: unknown): Parsed {
  if (raw === null || raw === undefined) return { ok: false, reason: 'missing_value' };
  if (typeof raw === 'number') return numberResult(raw);
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 };
  if (typeof raw === 'bigint') return numberResult(Number(raw));
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (DECIMAL.test(text)) return numberResult(Number(text));
    const lower = text.toLowerCase();
    if (lower === 'nan') return { ok: false, reason: 'nan' };
    const word = WORDS.get(lower);
    if (word !== undefined) return { ok: true, value: word };
  }
  return { ok: false, reason: 'non_numeric' };
}

/**
 * Parses a timestamp to epoch milliseconds. Accepted: finite numbers (already epoch ms), Date
 * objects and date strings that `Date.parse` understands (ISO 8601, as InfluxDB returns them).
 */
export function parseTimestamp(raw: unknown): Parsed {
  let ms = Number.NaN;
  if (typeof raw === 'number') ms = raw;
  else if (raw instanceof Date) ms = raw.getTime();
  else if (typeof raw === 'string') ms = Date.parse(raw);
  return Number.isFinite(ms) ? { ok: true, value: ms } : { ok: false, reason: 'bad_timestamp' };
}

function numberResult(value: number): Parsed {
  if (Number.isNaN(value)) return { ok: false, reason: 'nan' };
  if (!Number.isFinite(value)) return { ok: false, reason: 'non_finite' };
  return { ok: true, value };
}
