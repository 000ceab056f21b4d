/**
 * Machine-readable reasons of `Figure`s, so cards can translate them; the English `reason` /
 * `basis` text stays the full explanation (it may name signals and numbers the code does not).
 * Unavailable:
 * - not_finite: the computation gave NaN or Infinity
 * - empty_range: the time range is empty
 * - no_data: no signal has data in the range
 * - no_heat_signal / no_electricity_signal: no signal the quantity can come from
 * - no_heat_data / no_electricity_data: the signal exists but has no data in the range
 * - no_paired_data: no time with both heat and electricity known
 * - too_little_electricity: too little electricity for a meaningful ratio
 * - too_little_data: too little running time with every input the figure needs
 * - no_compressor_signal: no compressor signal at all
 * - no_compressor_state: the compressor state is unknown (in the range, or now)
 * - compressor_not_running: a "now" figure that needs the compressor running
 * - no_valve_signal / no_valve_data: no valve signal / no valve data in the range
 * - no_aux_signal: no aux heater signal
 * - no_temperature_signal: a temperature the figure needs has no signal
 * - no_running_temperatures: no running time with the temperatures known
 * - no_complete_cycle: no cycle whose start and stop are both seen
 * - no_hot_water_cycle: no hot-water cycle with the quantity known
 * - no_current_value: no fresh value at the instant asked for
 * - aux_exceeds_electricity: the aux heater estimate exceeds the metered electricity
 * - heat_below_aux: metered heat is below the aux heater estimate
 * Estimated (the figure's main assumption):
 * - flow_factor: heat = flow factor x (supply - return) while the compressor runs
 * - aux_estimated: aux heater energy/heat = its kW x runtime
 * - aux_not_counted: no aux heater signal, its heat is missing from the figure
 * - valve_unknown: time with an unknown valve position counted as space heating
 * - no_valve_signal: no valve signal, all compressor time counted as heating
 * - no_aux_signal: no aux heater signal, idle time may include aux-only time
 * - carnot_model: Carnot COP between offset condensing and evaporating temperatures
 */
export const FIGURE_REASON_CODES = [
  'not_finite',
  'empty_range',
  'no_data',
  'no_heat_signal',
  'no_electricity_signal',
  'no_heat_data',
  'no_electricity_data',
  'no_paired_data',
  'too_little_electricity',
  'too_little_data',
  'no_compressor_signal',
  'no_compressor_state',
  'compressor_not_running',
  'no_valve_signal',
  'no_valve_data',
  'no_aux_signal',
  'no_temperature_signal',
  'no_running_temperatures',
  'no_complete_cycle',
  'no_hot_water_cycle',
  'no_current_value',
  'aux_exceeds_electricity',
  'heat_below_aux',
  'flow_factor',
  'aux_estimated',
  'aux_not_counted',
  'valve_unknown',
  'carnot_model',
] as const;

export type FigureReasonCode = (typeof FIGURE_REASON_CODES)[number];

/** An English reason with its code. */
export interface Reason {
  readonly code: FigureReasonCode;
  readonly text: string;
}

/**
 * Every published number says where it comes from: measured from a signal, estimated (and from
 * what), or unavailable (and why). Plain JSON, so the bridge can publish it as is. `code`, when
 * set, is the machine-readable form of `basis` / `reason` (for an estimate with several notes, the
 * first note's code; `basis` lists them all).
 */
export type Figure<T = number> =
  | { readonly status: 'measured'; readonly value: T; readonly unit: string }
  | {
      readonly status: 'estimated';
      readonly value: T;
      readonly unit: string;
      readonly basis: string;
      readonly code?: FigureReasonCode;
    }
  | { readonly status: 'unavailable'; readonly reason: string; readonly code?: FigureReasonCode };

export function measured<T>(value: T, unit: string): Figure<T> {
  return { status: 'measured', value, unit };
}

export function estimated<T>(value: T, unit: string, basis: string, code?: FigureReasonCode): Figure<T> {
  return code === undefined
    ? { status: 'estimated', value, unit, basis }
    : { status: 'estimated', value, unit, basis, code };
}

export function unavailable<T = number>(reason: string, code?: FigureReasonCode): Figure<T> {
  return code === undefined ? { status: 'unavailable', reason } : { status: 'unavailable', reason, code };
}

/** A coded reason. */
export function reasonOf(code: FigureReasonCode, text: string): Reason {
  return { code, text };
}

/** Unavailable for a coded reason. */
export function unavailableFor<T = number>(why: Reason): Figure<T> {
  return unavailable<T>(why.text, why.code);
}

/**
 * A value from a list of estimation notes: measured when there are none, estimated otherwise
 * with the notes joined as basis and the first coded note's code. Notes may be plain strings
 * (no code) or coded reasons.
 */
export function withNotes<T>(value: T, unit: string, notes: ReadonlyArray<string | Reason>): Figure<T> {
  if (notes.length === 0) return measured(value, unit);
  const texts = notes.map((n) => (typeof n === 'string' ? n : n.text));
  const coded = notes.find((n): n is Reason => typeof n !== 'string');
  return estimated(value, unit, texts.join('; '), coded?.code);
}

/**
 * A figure from a number and an optional list of estimation notes (see withNotes). Non-finite
 * numbers become unavailable, so a figure never carries NaN or Infinity into JSON.
 */
export function figureOf(value: number, unit: string, basisNotes: ReadonlyArray<string | Reason>): Figure {
  if (!Number.isFinite(value)) return unavailable('not a finite number', 'not_finite');
  return withNotes(value, unit, basisNotes);
}

/** The value of an available figure, else null. */
export function figureValue<T>(figure: Figure<T>): T | null {
  return figure.status === 'unavailable' ? null : figure.value;
}

/** True when the figure has a value (measured or estimated). */
export function isAvailable<T>(
  figure: Figure<T>,
): figure is Exclude<Figure<T>, { readonly status: 'unavailable' }> {
  return figure.status !== 'unavailable';
}
