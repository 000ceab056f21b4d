import { emptyIssueCounts } from '../../src/model/index.js';
import type { Role } from '../../src/model/index.js';
import { brandView, resolveOptions, startSimulation } from '../../src/simulator/index.js';
import type { BrandView, HeatSource, SimBrand, Simulation } from '../../src/simulator/index.js';
import type { FetchRequest, FetchResult, SampleSource, SourceDescription } from '../sources/sample-source.js';
import { SeriesStore } from './series-store.js';

const DAY_MS = 86_400_000;

export interface SimulatorSourceOptions {
  brand: SimBrand;
  source?: HeatSource;
  seed?: number;
  /** Simulated history before the start, days (default 400: every range up to a year has data). */
  historyDays?: number;
  /** Full-resolution history kept, days (default 8: the 7 d range at 30 s). */
  fineDays?: number;
  now?: () => number;
  /** Called after each simulated day of history while start() runs. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The demo's data source: the simulator behind the bridge's SampleSource interface. start()
 * simulates the history up to now; every fetch first catches the simulation up with the clock,
 * so new samples appear in real time. Only the roles the brand's gateway provides are returned
 * (a NIBE has no electricity meter here either), with the windowed shape of the InfluxDB sources.
 */
export class SimulatorSource implements SampleSource {
  readonly kind = 'simulator';
  private sim: Simulation | undefined;
  private view: BrandView | undefined;
  private store: SeriesStore | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SimulatorSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The roles this source delivers (known after start). */
  get roles(): readonly Role[] {
    return this.view?.roles ?? [];
  }

  async start(): Promise<void> {
    if (this.sim) return;
    const o = this.options;
    const options = resolveOptions({ brand: o.brand, source: o.source, seed: o.seed });
    const historyDays = o.historyDays ?? 400;
    const from = this.now() - historyDays * DAY_MS;
    const sim = startSimulation(options, { from });
    const probe = startSimulation(options, { from, warmupMs: 0 }).step();
    this.view = brandView(o.brand, options, probe);
    this.store = new SeriesStore({
      roles: this.view.roles,
      fineKeepMs: (o.fineDays ?? 8) * DAY_MS,
      coarseWindowMs: 300_000,
    });
    this.sim = sim;
    for (let day = 1; day <= historyDays; day++) {
      this.advanceTo(Math.min(this.now(), from + day * DAY_MS));
      o.onProgress?.(day, historyDays);
      // Let timers and sockets breathe between simulated days.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.advanceTo(this.now());
  }

  async stop(): Promise<void> {
    this.sim = undefined;
    this.store = undefined;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const store = this.requireStore();
    this.advanceTo(this.now());
    const series = store.fetch(request.from, request.to, request.windowMs);
    const rows = Object.values(series).reduce((n, s) => n + s.length, 0);
    return { series, rows, issues: emptyIssueCounts(), unmappedKeys: [] };
  }

  async describe(): Promise<SourceDescription> {
    const o = this.options;
    const store = this.requireStore();
    const since = store.lastTime ?? this.now();
    const recent = store.fetch(since - DAY_MS, since + 1, 3_600_000);
    return {
      kind: this.kind,
      server: 'built-in simulator',
      location: `${o.brand}, ${o.source ?? 'ground'} source, seed ${o.seed ?? 1}`,
      rolesFound: (Object.keys(recent) as Role[]).sort(),
      notes: [`history from ${new Date(store.firstTime ?? since).toISOString()}`],
    };
  }

  /** Simulates every step up to (not including) t. */
  private advanceTo(t: number): void {
    const sim = this.sim;
    const view = this.view;
    const store = this.store;
    if (!sim || !view || !store) return;
    const values = new Float64Array(view.roles.length);
    while (sim.time <= t) {
      const frame = sim.step();
      view.roles.forEach((role, i) => (values[i] = view.value(frame, role)));
      store.append(frame.t, values);
    }
  }

  private requireStore(): SeriesStore {
    if (!this.store) throw new Error('simulator source is not started');
    return this.store;
  }
}
