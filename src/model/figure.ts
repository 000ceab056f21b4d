/**
 * Every published number says where it comes from: measured from a signal, estimated (and from
 * what), or unavailable (and why). Plain JSON, so the bridge can publish it as is.
 */
export type Figure<T = number> =
  | { readonly status: 'measured'; readonly value: T; readonly unit: string }
  | { readonly status: 'estimated'; readonly value: T; readonly unit: string; readonly basis: string }
  | { readonly status: 'unavailable'; readonly reason: string };

export function measured<T>(value: T, unit: string): Figure<T> {
  return { status: 'measured', value, unit };
}

export function estimated<T>(value: T, unit: string, basis: string): Figure<T> {
  return { status: 'estimated', value, unit, basis };
}

export function unavailable<T = number>(reason: string): Figure<T> {
  return { status: 'unavailable', reason };
}

/**
 * A figure from a value and an optional list of estimation notes: measured when there are none,
 * estimated with the notes joined as basis otherwise. Non-finite numbers become unavailable, so a
 * figure never carries NaN or Infinity into JSON.
 */
export function figureOf(value: number, unit: string, basisNotes: readonly string[]): Figure {
  if (!Number.isFinite(value)) return unavailable('not a finite number');
  return basisNotes.length === 0 ? measured(value, unit) : estimated(value, unit, basisNotes.join('; '));
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
