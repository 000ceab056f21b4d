import type { Figure, Role } from '../../src/model/index.js';

/**
 * Everything the bridge publishes after one cycle, as figures (measured / estimated /
 * unavailable). The pipeline fills it from the core's metrics; the entity catalog reads it. Keeping
 * this view separate means the catalog does not change when the core's result types grow.
 */
export interface Snapshot {
  /** Epoch ms the cycle ran. */
  at: number;
  cop: {
    now: Figure;
    today: Figure;
    d7: Figure;
    d30: Figure;
    season: Figure;
  };
  /** SEPEMO boundary the signals support for the seasonal figure, e.g. `H2`. */
  spfBoundary: string | undefined;
  energy: {
    electricalToday: Figure;
    heatToday: Figure;
    /** Since `since`; only grows (see state-builder monotonic guard). */
    electricalTotal: Figure;
    heatTotal: Figure;
    /** Epoch ms from which the totals count. */
    since: number;
  };
  runtime24h: {
    compressorShare: Figure;
    auxHeaterShare: Figure;
    hotWaterShare: Figure;
    starts: Figure;
    shortCycles: Figure;
  };
  deltaT: {
    supplyReturn: Figure;
    brine: Figure;
  };
  /** Latest value per role (temperatures, powers, degree minutes ...); absent roles are missing. */
  current: Partial<Record<Role, Figure>>;
  power: {
    electrical: Figure;
    heat: Figure;
    auxHeater: Figure;
  };
  states: {
    compressorRunning: Figure<boolean>;
    auxHeaterOn: Figure<boolean>;
    hotWaterMode: Figure<boolean>;
  };
  alarm: {
    active: Figure<boolean>;
    code: number | null;
    text: string | null;
    severity: string | null;
  };
  /** Share of expected samples present over 24 h, % (all found roles). */
  dataQuality: Figure;
  /** Roles found in the data (for the data-quality attributes). */
  rolesFound: Role[];
}
