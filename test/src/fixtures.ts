// Shared builders and the hand-computed scenario used by several metric tests.
import assert from 'node:assert/strict';
import type { Series, SeriesByRole } from '../../src/index.js';

export const MIN = 60_000;
export const HOUR = 3_600_000;
/** 2025-01-10T00:00Z, a winter day (Stockholm is UTC+1). */
export const T0 = Date.UTC(2025, 0, 10);

/** Series from [minutes after T0, value] pairs. */
export function at(pairs: ReadonlyArray<readonly [number, number]>, origin = T0): Series {
  return pairs.map(([m, v]) => ({ t: origin + m * MIN, v }));
}

/** Asserts |actual - expected| <= eps (relative for large values). */
export function close(
  actual: number | null | undefined,
  expected: number,
  eps = 1e-9,
  message?: string,
): void {
  assert.ok(
    typeof actual === 'number',
    message ?? `expected a number close to ${expected}, got ${String(actual)}`,
  );
  const tolerance = eps * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, message ?? `expected ${expected}, got ${actual}`);
}

/** The value of a figure, failing the test when unavailable. */
export function valueOf(figure: { status: string; value?: unknown; reason?: string }): number {
  assert.notEqual(figure.status, 'unavailable', `figure unavailable: ${figure.reason}`);
  return figure.value as number;
}

/**
 * Scenario A, range [0, 240) min, change-only logs, staleMs 6 h (so values hold between changes).
 * Compressor: on 0-60 and 120-150 (off at -10, so the first start is seen). Valve: hot water
 * 120-150. Supply - return = 5 K while running. Power: 2000 W in run 1 (5000 W while the 3 kW aux
 * runs 30-45), 2500 W in run 2, 10 W standby, 6010 W while the 6 kW aux runs alone 200-210.
 * Brine in 2 °C, out -1 °C.
 *
 * Hand-computed (flow factor 2.7 kW/K -> 13.5 kW while running):
 *   heat-pump heat 13.5 + 6.75 = 20.25 kWh; aux 3 x 0.25 + 6 x 1/6 = 1.75 kWh; delivered 22 kWh
 *   electricity 1.0 + 1.25 + 0.5 + 0.01 + 1.25 + 10x50/60/1000 + 6.01/6 + 0.005 = 5.025 kWh
 */
export const SCENARIO_A: SeriesByRole = {
  compressor: at([
    [-10, 0],
    [0, 1],
    [60, 0],
    [120, 1],
    [150, 0],
  ]),
  valve: at([
    [-10, 0],
    [120, 1],
    [150, 0],
  ]),
  supply_temp: at([
    [-10, 25],
    [0, 35],
    [60, 25],
    [120, 50],
    [150, 25],
  ]),
  return_temp: at([
    [-10, 25],
    [0, 30],
    [60, 25],
    [120, 45],
    [150, 25],
  ]),
  brine_in_temp: at([[-10, 2]]),
  brine_out_temp: at([[-10, -1]]),
  aux_heater: at([
    [-10, 0],
    [30, 3],
    [45, 0],
    [200, 6],
    [210, 0],
  ]),
  electrical_power: at([
    [-10, 10],
    [0, 2000],
    [30, 5000],
    [45, 2000],
    [60, 10],
    [120, 2500],
    [150, 10],
    [200, 6010],
    [210, 10],
  ]),
};
export const SCENARIO_A_RANGE = { from: T0, to: T0 + 240 * MIN };
export const SCENARIO_A_OPTIONS = { staleMs: 6 * HOUR };
export const SCENARIO_A_ELEC =
  1.0 + 1.25 + 0.5 + 0.01 + 1.25 + (10 * 50) / 60 / 1000 + 6010 / 6 / 1000 + 0.005;
