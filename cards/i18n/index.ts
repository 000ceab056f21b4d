import { de } from './de.js';
import { en } from './en.js';
import type { Texts } from './en.js';
import { sv } from './sv.js';

export type { Texts };
const TABLES: Record<string, Texts> = { en, sv, de };

/** Texts for HA's language ("sv", "de-CH", ...), English when the language is not translated. */
export function textsFor(language: string | undefined): Texts {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return TABLES[base] ?? en;
}

/** The language actually used, for number formatting next to the texts. */
export function localeFor(language: string | undefined): string {
  return language && language.length > 0 ? language : 'en';
}

/** Replaces `{name}` placeholders; values are plain text (Lit renders them as text, never HTML). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
