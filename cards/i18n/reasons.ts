/**
 * The core explains every unavailable or estimated figure in English (`reason` / `basis`, several
 * notes joined by "; ") and, where it can, with a code. Each note is matched against the English
 * templates of `en.reason` and re-told from the same key in the user's language, keeping the
 * variable parts (signal names, numbers). A note that matches no template falls back to its code's
 * generic text when that needs no variable parts, else stays in English.
 */
import type { Texts } from './en.js';
import { en } from './en.js';
import { fill } from './index.js';

type ReasonKey = keyof Texts['reason'];

/** What a figure says about itself (the core's Figure, or any object shaped like its text part). */
export interface ReasonSource {
  reason?: string;
  basis?: string;
  code?: string;
}

interface Template {
  key: ReasonKey;
  pattern: RegExp;
  names: string[];
}

let templates: Template[] | undefined;

/** Templates without placeholders first, so "no heat signal" never reads as "no {roles} signal". */
function compiled(): Template[] {
  if (templates) return templates;
  templates = (Object.entries(en.reason) as Array<[ReasonKey, string]>)
    .map(([key, text]) => {
      const names: string[] = [];
      const source = text
        .split(/\{(\w+)\}/)
        .map((part, i) => {
          if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part);
          return '([^;]+?)';
        })
        .join('');
      return { key, pattern: new RegExp(`^${source}$`), names };
    })
    .sort((a, b) => a.names.length - b.names.length);
  return templates;
}

/** One note in the user's language; `code` is the core's code of this note, when known. */
export function translateNote(note: string, texts: Texts, code?: string): string {
  if (texts === en) return note;
  for (const { key, pattern, names } of compiled()) {
    const match = pattern.exec(note);
    if (match) return fill(texts.reason[key], Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])));
  }
  const generic = code && code in texts.reason ? texts.reason[code as ReasonKey] : undefined;
  return generic && !generic.includes('{') ? generic : note;
}

/** A figure's reason or basis in the user's language; the core's code applies to the first note. */
export function reasonText(source: ReasonSource | string, texts: Texts): string {
  const { reason, basis, code } = typeof source === 'string' ? { reason: source } : source;
  const notes = (reason ?? basis ?? '').split('; ');
  return notes.map((note, i) => translateNote(note, texts, i === 0 ? code : undefined)).join('; ');
}
