import { emptyIssueCounts } from '../../../src/model/index.js';
import type { Sample, SeriesByRole } from '../../../src/model/index.js';
import { resolveMetricOptions } from '../../../src/metrics/options.js';
import { getProvider } from '../../../src/providers/index.js';
import { DashboardFeed } from '../../../bridge/dashboard/dashboard-feed.js';
import type { DashboardConfig } from '../../../bridge/dashboard/http-routes.js';
import type { EntityState } from '../../../bridge/publish/state-builder.js';
import { aggregateSamples } from '../../../bridge/sources/aggregate.js';
import type { FetchRequest, SampleSource } from '../../../bridge/sources/sample-source.js';

export const NOW = Date.UTC(2024, 0, 15, 12);
export const MIN = 60_000;

/** Raw 30 s samples of a simple pump over the last two days: 20 min on, 40 min off, hot water once. */
export function rawSeries(): SeriesByRole {
  const out: Record<string, Sample[]> = {};
  const push = (role: string, t: number, v: number): void => {
    (out[role] ??= []).push({ t, v });
  };
  for (let t = NOW - 2 * 86_400_000; t < NOW; t += 30_000) {
    const minute = Math.floor((t % 3_600_000) / MIN);
    const on = minute < 20;
    const hotWater = t >= NOW - 3 * 3_600_000 && t < NOW - 3 * 3_600_000 + 15 * MIN;
    push('outdoor_temp', t, -5);
    push('supply_temp', t, on ? 35 : 30);
    push('return_temp', t, on ? 33 : 30);
    push('compressor', t, on ? 1 : 0);
    push('valve', t, hotWater ? 1 : 0);
    push('electrical_power', t, on ? 1500 : 20);
    push('aux_heater', t, t >= NOW - 6 * 3_600_000 && t < NOW - 5 * 3_600_000 ? 3 : 0);
    push('alarm_active', t, t >= NOW - 2 * 3_600_000 && t < NOW - 90 * MIN ? 1 : 0);
    push('alarm_code', t, t >= NOW - 2 * 3_600_000 && t < NOW - 90 * MIN ? 20 : 0);
  }
  return out as SeriesByRole;
}

/** A SampleSource over fixed raw samples, aggregated like the InfluxDB sources; counts fetches. */
export class FakeSource implements SampleSource {
  readonly kind = 'fake';
  fetches: FetchRequest[] = [];
  constructor(private readonly series: SeriesByRole = rawSeries()) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async fetch(req: FetchRequest) {
    this.fetches.push(req);
    return {
      series: aggregateSamples(this.series, req),
      rows: 0,
      issues: emptyIssueCounts(),
      unmappedKeys: [],
    };
  }
  async describe() {
    return { kind: this.kind, server: 'fake', location: 'memory', rolesFound: [], notes: [] };
  }
}

export function state(
  entity_id: string,
  value: string,
  attributes: Record<string, unknown> = {},
): EntityState {
  return { entity_id, state: value, attributes };
}

export const STATES: EntityState[] = [
  state('sensor.heatpump_cop_today', '3.41', { unit_of_measurement: undefined }),
  state('sensor.heatpump_cop_now', 'unavailable'),
  state('sensor.heatpump_outdoor_temp', '-5', { unit_of_measurement: '°C' }),
  state('sensor.heatpump_supply_temp', '30', { unit_of_measurement: '°C' }),
  state('sensor.heatpump_heat_power', '0', { unit_of_measurement: 'W' }),
  state('sensor.heatpump_electrical_energy_total', '120.5', { unit_of_measurement: 'kWh' }),
  state('binary_sensor.heatpump_compressor_running', 'off'),
  state('binary_sensor.heatpump_aux_heater_on', 'off'),
  state('binary_sensor.heatpump_hot_water_mode', 'off'),
  state('binary_sensor.heatpump_alarm', 'on', { code: 20, text: 'Brine flow switch', severity: 'critical' }),
];

export function makeFeed(
  args: { source?: SampleSource; states?: () => readonly EntityState[]; now?: () => number } = {},
): DashboardFeed {
  const states = STATES;
  return new DashboardFeed({
    source: args.source ?? new FakeSource(),
    provider: getProvider('thermia'),
    metricOptions: resolveMetricOptions({ timeZone: 'UTC' }),
    deviceSlug: 'heatpump',
    states: args.states ?? (() => states),
    sampleIntervalMs: 30_000,
    now: args.now ?? (() => NOW),
  });
}

export const CONFIG: DashboardConfig = {
  brand: 'thermia',
  display_name: 'Thermia',
  title: 'Test <pump>',
  device: 'heatpump',
  version: '0.0.0',
  source: 'fake',
  ranges: ['1h', '6h', '24h', '7d', '30d', '1y'],
  default_range: '24h',
  update_interval_seconds: 30,
  colors: {},
};
