import type { AlarmText, BrandProvider, Severity } from './types.js';

/** An alarm code resolved against a brand's table. */
export interface AlarmInfo {
  readonly code: number;
  readonly known: boolean;
  readonly en: string;
  readonly sv: string;
  /** From the table; unknown non-zero codes are 'error' (an alarm we cannot name is still an alarm). */
  readonly severity: Severity;
}

/** Looks up `code` in the brand's alarm table. Never throws; unknown codes get a generic text. */
export function alarmInfo(provider: Pick<BrandProvider, 'alarms'>, code: number): AlarmInfo {
  const entry: AlarmText | undefined = Number.isInteger(code) ? provider.alarms[code] : undefined;
  if (entry) return { code, known: true, ...entry };
  const shown = String(code);
  return { code, known: false, en: `unknown alarm ${shown}`, sv: `okänt larm ${shown}`, severity: 'error' };
}

/**
 * The text of an alarm code in `lang` ('sv' Swedish, anything else English), e.g.
 * "High-pressure switch HP", or "unknown alarm 99" / "okänt larm 99". Never throws.
 */
export function describeAlarm(provider: Pick<BrandProvider, 'alarms'>, code: number, lang = 'en'): string {
  const info = alarmInfo(provider, code);
  return lang === 'sv' ? info.sv : info.en;
}
