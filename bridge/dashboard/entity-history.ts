import type { Series, SeriesByRole } from '../../src/model/index.js';
import { intervalCop } from '../../src/metrics/interval-cop.js';
import type { MetricOptions } from '../../src/metrics/options.js';
import type { EntitySignal } from './entity-signals.js';

/** [epoch ms, value]; null marks a gap. Compact on the wire: a week of 5 min points is ~40 kB. */
export type WirePoint = [number, number | null];

const HOUR_MS = 3_600_000;

export interface SignalHistoryInput {
  series: SeriesByRole;
  from: number;
  to: number;
  windowMs: number;
  /** Metric options already widened for the window (optionsForWindow). */
  options: MetricOptions;
}

/**
 * History of one entity from windowed series. Heat power without a heat meter is the core's
 * interval heat (flow factor x (supply - return) while running) per window; energy totals without
 * a counter are the running sum of the core's interval energies from the start of the range.
 */
export class SignalHistory {
  private buckets: ReturnType<typeof intervalCop> | undefined;

  constructor(private readonly input: SignalHistoryInput) {}

  points(signal: EntitySignal): WirePoint[] {
    const { series } = this.input;
    switch (signal.kind) {
      case 'role': {
        const s = series[signal.role] ?? [];
        return signal.onWhenPositive ? s.map((p) => [p.t, p.v > 0 ? 1 : 0]) : toWire(s);
      }
      case 'heat_power':
        if (series.heat_power) return toWire(series.heat_power);
        return this.intervals().flatMap((b): WirePoint[] =>
          b.heatKwh === null ? [] : [[b.start, (b.heatKwh * 1000 * HOUR_MS) / (b.end - b.start)]],
        );
      case 'energy_total': {
        const counter = series[signal.counterRole];
        if (counter) return toWire(counter);
        let total = 0;
        return this.intervals().flatMap((b): WirePoint[] => {
          const kwh = signal.which === 'heat' ? b.heatKwh : b.elecKwh;
          if (kwh === null) return [];
          total += kwh;
          return [[b.end, total]];
        });
      }
    }
  }

  private intervals(): ReturnType<typeof intervalCop> {
    if (!this.buckets) {
      const { series, from, to, windowMs, options } = this.input;
      const start = Math.floor(from / windowMs) * windowMs;
      this.buckets = to > start ? intervalCop(series, { from: start, to, bucketMs: windowMs, options }) : [];
    }
    return this.buckets;
  }
}

function toWire(series: Series): WirePoint[] {
  return series.map((p) => [p.t, Number.isFinite(p.v) ? p.v : null]);
}
