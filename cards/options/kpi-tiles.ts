/** KPI card: figures -> tile models (label, text, status, entity for more-info). Pure, no DOM. */
import type { Figure } from '../../src/model/index.js';
import type { Texts } from '../i18n/index.js';
import { reasonText } from '../i18n/reasons.js';
import { formatNumber } from './common.js';

export type KpiKey =
  'cop_now' | 'cop_today' | 'cop_range' | 'runtime_today' | 'energy_in' | 'energy_out' | 'alarm';

export interface KpiFigures {
  copNow: Figure;
  copToday: Figure;
  copRange: Figure;
  /** hours the compressor ran since local midnight */
  runtimeToday: Figure;
  /** kWh over the selected range */
  energyIn: Figure;
  energyOut: Figure;
  /** null when no alarm entity is available */
  alarm: { active: boolean; text?: string } | null;
}

export interface KpiTile {
  key: KpiKey;
  label: string;
  value: string;
  status: 'measured' | 'estimated' | 'unavailable';
  /** why a figure is unavailable or what an estimate rests on */
  note?: string;
  /** entity opened in HA's more-info dialog when the tile is tapped */
  entityId?: string;
  alert?: boolean;
}

export function buildKpiTiles(options: {
  figures: KpiFigures;
  texts: Texts;
  locale: string;
  entities: Partial<Record<KpiKey, string>>;
}): KpiTile[] {
  const { figures: f, texts, locale, entities } = options;
  const k = texts.kpi;
  const tile = (key: KpiKey, label: string, figure: Figure, digits: number, unit: string): KpiTile => ({
    key,
    label,
    value:
      figure.status === 'unavailable'
        ? '–'
        : `${formatNumber(figure.value, locale, digits)}${unit ? ` ${unit}` : ''}`,
    status: figure.status,
    note:
      figure.status === 'unavailable'
        ? reasonText(figure, texts)
        : figure.status === 'estimated'
          ? `${texts.chart.estimated}: ${reasonText(figure, texts)}`
          : undefined,
    entityId: entities[key],
  });
  const tiles = [
    tile('cop_now', k.cop_now, f.copNow, 2, ''),
    tile('cop_today', k.cop_today, f.copToday, 2, ''),
    tile('cop_range', k.cop_range, f.copRange, 2, ''),
    tile('runtime_today', k.runtime_today, f.runtimeToday, 1, texts.chart.hours),
    tile('energy_in', k.energy_in, f.energyIn, 1, 'kWh'),
    tile('energy_out', k.energy_out, f.energyOut, 1, 'kWh'),
  ];
  const alarm: KpiTile =
    f.alarm === null
      ? { key: 'alarm', label: k.alarm, value: '–', status: 'unavailable', entityId: entities.alarm }
      : {
          key: 'alarm',
          label: k.alarm,
          value: f.alarm.active ? (f.alarm.text ?? k.alarm_active) : k.no_alarm,
          status: 'measured',
          alert: f.alarm.active,
          entityId: entities.alarm,
        };
  return [...tiles, alarm];
}
