import type { HaCommands } from './ha-session.js';

/** One clock hour of energy, from InfluxDB history or the live cycle. kWh; null = not known. */
export interface HourlyEnergy {
  /** Epoch ms, start of a UTC hour. */
  start: number;
  electricalKwh: number | null;
  heatKwh: number | null;
  /** Heat / electricity of the hour; null when electricity is too small to divide by. */
  cop: number | null;
}

/** Cumulative kWh at the end of the last imported hour; null = nothing imported yet. */
export interface EnergySums {
  electrical: number | null;
  heat: number | null;
}

export interface ImportResult {
  electrical: number;
  heat: number;
  cop: number;
  sums: EnergySums;
}

/** External statistics live in our own `heatpump:` domain (HA requires source == domain). */
export const STATISTICS_SOURCE = 'heatpump';

export function statisticId(deviceSlug: string, key: 'electrical_energy' | 'heat_energy' | 'cop'): string {
  return `${STATISTICS_SOURCE}:${deviceSlug}_${key}`;
}

export interface StatisticsImporterOptions {
  commands: HaCommands;
  deviceSlug: string;
  deviceName: string;
  /** Stats per import message; HA handles thousands, smaller chunks keep the progress bar moving. */
  chunkSize?: number;
}

interface ImportStat {
  start: string;
  sum?: number;
  state?: number;
  mean?: number;
  min?: number;
  max?: number;
}

/**
 * Long-term statistics through `recorder/import_statistics`, so HA's energy dashboard has the
 * InfluxDB history from day one. Sums continue from the last sum HA holds *before* the first
 * imported hour, and HA replaces a statistic with the same start: importing the same hours again
 * gives the same numbers (no double counting), whatever order ranges are imported in.
 */
export class StatisticsImporter {
  private readonly options: StatisticsImporterOptions;

  constructor(options: StatisticsImporterOptions) {
    this.options = options;
  }

  /**
   * Imports the hours (any order). Sums continue from `continueFrom` when given (consecutive chunks
   * of one backfill: HA's recorder imports asynchronously, so a chunk cannot read the previous
   * chunk's sums back yet), else from what HA holds before the first hour.
   */
  async importHours(hours: readonly HourlyEnergy[], continueFrom?: EnergySums): Promise<ImportResult> {
    const sorted = [...hours].sort((a, b) => a.start - b.start);
    if (sorted.length === 0)
      return { electrical: 0, heat: 0, cop: 0, sums: continueFrom ?? { electrical: null, heat: null } };
    const first = sorted[0]!.start;
    const e = await this.importSum(
      'electrical_energy',
      'Electrical energy',
      first,
      sorted.map((h) => [h.start, h.electricalKwh]),
      continueFrom?.electrical,
    );
    const h = await this.importSum(
      'heat_energy',
      'Heat energy',
      first,
      sorted.map((x) => [x.start, x.heatKwh]),
      continueFrom?.heat,
    );
    const cop = await this.importMean(sorted);
    return { electrical: e.count, heat: h.count, cop, sums: { electrical: e.sum, heat: h.sum } };
  }

  /**
   * The cumulative sum HA holds at the end of the last hour before `before`, or 0. Only rows that
   * END by `before` count: a month row that merely starts before it carries the sum of its last
   * hour, which may be one of the hours being re-imported (that would count them twice).
   */
  async lastSumBefore(id: string, before: number): Promise<number> {
    // Recent hours first (the usual case: live import of the next hour), then monthly rows of years.
    for (const [period, lookbackMs] of [
      ['hour', 32 * 86_400_000],
      ['month', 20 * 366 * 86_400_000],
    ] as const) {
      const result = await this.options.commands.command<Record<string, StatisticsRow[]>>({
        type: 'recorder/statistics_during_period',
        start_time: new Date(before - lookbackMs).toISOString(),
        end_time: new Date(before).toISOString(),
        statistic_ids: [id],
        period,
        types: ['sum'],
      });
      const rows = (result[id] ?? []).filter((r) => endOf(r, period) <= before);
      for (let i = rows.length - 1; i >= 0; i -= 1) {
        const sum = rows[i]?.sum;
        if (typeof sum === 'number' && Number.isFinite(sum)) return sum;
      }
    }
    return 0;
  }

  private async importSum(
    key: 'electrical_energy' | 'heat_energy',
    label: string,
    first: number,
    values: [number, number | null][],
    base: number | null | undefined,
  ): Promise<{ count: number; sum: number | null }> {
    const id = statisticId(this.options.deviceSlug, key);
    const known = values.filter((v): v is [number, number] => v[1] !== null && Number.isFinite(v[1]));
    if (known.length === 0) return { count: 0, sum: base ?? null };
    let sum = base ?? (await this.lastSumBefore(id, first));
    const stats: ImportStat[] = known.map(([start, kwh]) => {
      // Energy per hour is never negative; a negative step would read as a meter reset.
      sum += Math.max(0, kwh);
      return { start: new Date(start).toISOString(), sum: round(sum), state: round(sum) };
    });
    await this.send(
      {
        has_mean: false,
        has_sum: true,
        name: `${this.options.deviceName} ${label}`,
        source: STATISTICS_SOURCE,
        statistic_id: id,
        unit_of_measurement: 'kWh',
      },
      stats,
    );
    return { count: stats.length, sum };
  }

  private async importMean(hours: readonly HourlyEnergy[]): Promise<number> {
    const id = statisticId(this.options.deviceSlug, 'cop');
    const stats: ImportStat[] = hours
      .filter((h) => h.cop !== null && Number.isFinite(h.cop))
      .map((h) => ({
        start: new Date(h.start).toISOString(),
        mean: round(h.cop!),
        min: round(h.cop!),
        max: round(h.cop!),
      }));
    if (stats.length === 0) return 0;
    await this.send(
      {
        has_mean: true,
        has_sum: false,
        name: `${this.options.deviceName} COP`,
        source: STATISTICS_SOURCE,
        statistic_id: id,
        unit_of_measurement: null,
      },
      stats,
    );
    return stats.length;
  }

  private async send(metadata: Record<string, unknown>, stats: ImportStat[]): Promise<void> {
    const size = this.options.chunkSize ?? 1000;
    for (let i = 0; i < stats.length; i += size) {
      await this.options.commands.command({
        type: 'recorder/import_statistics',
        metadata,
        stats: stats.slice(i, i + size),
      });
    }
  }
}

/** A row of `recorder/statistics_during_period`: times in epoch ms (HA 2023.3 and later). */
interface StatisticsRow {
  start: number | string;
  end?: number | string;
  sum?: number | null;
}

/** End of a row: HA sends it; older versions only send the start, so derive it from the period. */
function endOf(row: StatisticsRow, period: 'hour' | 'month'): number {
  const ms = (t: number | string): number => (typeof t === 'number' ? t : Date.parse(t));
  if (row.end !== undefined) return ms(row.end);
  const start = new Date(ms(row.start));
  if (period === 'hour') return start.getTime() + 3_600_000;
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
