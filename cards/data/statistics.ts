/**
 * `recorder/statistics_during_period` (core homeassistant/components/recorder/websocket_api.py).
 * Request times are ISO strings; answer `start`/`end`/`last_reset` are epoch MILLISECONDS.
 */
import type { StatisticsPeriod } from '../shared/time-range.js';
import type { HassLike } from './hass-types.js';

/** One period row; which fields are present depends on `types` and the statistic (mean vs sum). */
export interface StatisticRow {
  /** period start, epoch ms */
  start: number;
  /** period end, epoch ms */
  end: number;
  mean?: number | null;
  min?: number | null;
  max?: number | null;
  /** cumulative sum of a total/total_increasing sensor (resets already folded in), kWh */
  sum?: number | null;
  state?: number | null;
  /** sum(end) - sum(start) of this period, kWh */
  change?: number | null;
  last_reset?: number | null;
}

export type StatisticsResult = Record<string, StatisticRow[]>;

export interface StatisticsRequest {
  statisticIds: string[];
  /** epoch ms */
  from: number;
  /** epoch ms */
  to: number;
  period: StatisticsPeriod;
}

export const statisticsMessage = (req: StatisticsRequest) => ({
  type: 'recorder/statistics_during_period',
  start_time: new Date(req.from).toISOString(),
  end_time: new Date(req.to).toISOString(),
  statistic_ids: req.statisticIds,
  period: req.period,
  types: ['mean', 'min', 'max', 'sum', 'change'],
  units: { energy: 'kWh', power: 'W', temperature: '°C' },
});

export const fetchStatistics = (hass: HassLike, req: StatisticsRequest): Promise<StatisticsResult> =>
  hass.callWS<StatisticsResult>(statisticsMessage(req));
