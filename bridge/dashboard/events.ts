import type { Role, SeriesByRole } from '../../src/model/index.js';
import type { BrandProvider } from '../../src/providers/index.js';
import { alarmInfo } from '../../src/providers/index.js';

/** One entry of the events list; kinds follow the original dashboard's info/warning/danger/success. */
export interface DashboardEvent {
  /** Epoch ms. */
  t: number;
  kind: 'compressor' | 'hot_water' | 'aux_heater' | 'alarm';
  level: 'info' | 'warning' | 'danger' | 'success';
  /** English text, e.g. "Compressor started". */
  description: string;
  /** Alarm code for alarm events. */
  code?: number;
}

interface EdgeRule {
  role: Role;
  kind: DashboardEvent['kind'];
  on: (v: number) => boolean;
  started: Omit<DashboardEvent, 't' | 'kind'>;
  stopped: Omit<DashboardEvent, 't' | 'kind'>;
}

const RULES: readonly EdgeRule[] = [
  {
    role: 'compressor',
    kind: 'compressor',
    on: (v) => v > 0,
    started: { level: 'info', description: 'Compressor started' },
    stopped: { level: 'info', description: 'Compressor stopped' },
  },
  {
    role: 'valve',
    kind: 'hot_water',
    on: (v) => v > 0,
    started: { level: 'info', description: 'Hot-water charging started' },
    stopped: { level: 'success', description: 'Hot-water charging finished' },
  },
  {
    role: 'aux_heater',
    kind: 'aux_heater',
    on: (v) => v > 0,
    started: { level: 'warning', description: 'Aux heater on' },
    stopped: { level: 'info', description: 'Aux heater off' },
  },
];

/**
 * Edges of compressor, valve, aux heater and alarm in the series, newest first. The first sample
 * of a range is not an edge (its history before the range is unknown); alarm raises carry the
 * brand's text for the code when the source has one.
 */
export function detectEvents(args: {
  series: SeriesByRole;
  provider: BrandProvider;
  limit: number;
}): DashboardEvent[] {
  const { series, provider } = args;
  const events: DashboardEvent[] = [];
  for (const rule of RULES) {
    const s = series[rule.role] ?? [];
    for (let i = 1; i < s.length; i++) {
      const before = rule.on((s[i - 1] as { v: number }).v);
      const now = rule.on((s[i] as { v: number }).v);
      if (before !== now)
        events.push({
          t: (s[i] as { t: number }).t,
          kind: rule.kind,
          ...(now ? rule.started : rule.stopped),
        });
    }
  }
  events.push(...alarmEvents(series, provider));
  events.sort((a, b) => b.t - a.t);
  return events.slice(0, args.limit);
}

function alarmEvents(series: SeriesByRole, provider: BrandProvider): DashboardEvent[] {
  const active = series.alarm_active ?? [];
  const codes = series.alarm_code ?? [];
  const codeAt = (t: number): number | undefined => {
    let code: number | undefined;
    for (const c of codes) {
      if (c.t > t) break;
      code = c.v;
    }
    return code;
  };
  const out: DashboardEvent[] = [];
  for (let i = 1; i < active.length; i++) {
    const before = (active[i - 1]?.v ?? 0) > 0;
    const cur = active[i];
    if (!cur || before === cur.v > 0) continue;
    if (cur.v > 0) {
      const code = codeAt(cur.t);
      const text = code !== undefined && code !== 0 ? alarmInfo(provider, code).en : 'no code';
      out.push({
        t: cur.t,
        kind: 'alarm',
        level: 'danger',
        description: `Alarm raised: ${text}`,
        ...(code ? { code } : {}),
      });
    } else {
      out.push({ t: cur.t, kind: 'alarm', level: 'success', description: 'Alarm cleared' });
    }
  }
  return out;
}
