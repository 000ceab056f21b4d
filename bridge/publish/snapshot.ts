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
  /** Seasonal performance factor of the heating season with the SEPEMO boundary the signals support. */
  spf: { figure: Figure; boundary: string | null; description: string };
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
    /** Compressor running (heating or hot water), % of the time its state is known. */
    compressorShare: Figure;
    /** Aux heater on (with or without the compressor), % of the same time. */
    auxHeaterShare: Figure;
    /** Compressor running in hot-water mode, % of the same time. */
    hotWaterShare: Figure;
    starts: Figure;
    startsPerHour: Figure;
    meanCycleMinutes: Figure;
    shortCycles: Figure;
    hotWaterCycles: Figure;
    hotWaterMeanMinutes: Figure;
  };
  deltaT: {
    supplyReturn: Figure;
    brine: Figure;
  };
  /** Latest value per role (temperatures, degree minutes ...); absent roles are missing. */
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
    /** Latest alarm code; with `codeIsLast` it is the last alarm, which may have cleared (IVT BA91). */
    code: number | null;
    codeIsLast: boolean;
    /** English text of `code` (null for no code or 0). */
    text: string | null;
    /** Severity while active, else null. */
    severity: string | null;
    /** Epoch ms the current alarm started, null when none is active. */
    since: number | null;
  };
  /** Mean coverage of the found roles over 24 h, %. */
  dataQuality: Figure;
  dataQualityDetail: {
    /** Roles whose latest value is older than their staleness limit. */
    staleRoles: Role[];
    /** Samples skipped as bad (NaN, duplicates, counter resets ...) in 24 h. */
    skippedSamples: number;
  };
  /** Roles found in the data (for the data-quality attributes). */
  rolesFound: Role[];
}
