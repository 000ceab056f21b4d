import { textsFor } from '../../../cards/i18n/index.js';
import type { OptionContext } from '../../../cards/options/common.js';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 0, 15, 0, 0, 0);

export function ctx(language = 'en'): OptionContext {
  return { texts: textsFor(language), locale: language, from: T0, to: T0 + 24 * HOUR };
}

/** The option's series as plain records, for assertions. */
export function seriesOf(option: unknown): Array<Record<string, unknown>> {
  const s = (option as { series?: unknown }).series;
  return (Array.isArray(s) ? s : s ? [s] : []) as Array<Record<string, unknown>>;
}
