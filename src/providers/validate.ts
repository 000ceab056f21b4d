import type { AuxConversion, CompressorSemantics } from './types.js';

// Provider configuration comes from user config files; a wrong value must stop the bridge at
// start-up with a message naming the key (DESIGN.md §11), not produce silent garbage later.

function fail(key: string, problem: string): never {
  throw new RangeError(`${key}: ${problem}`);
}

/** Throws a RangeError naming `key` unless `value` is a finite number (>= 0 when nonNegative). */
export function assertNumber(value: unknown, key: string, nonNegative = false): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(key, `expected a finite number, got ${String(value)}`);
  if (nonNegative && value < 0) fail(key, `expected a number >= 0, got ${value}`);
}

/** Validates an aux conversion (nominal and step powers are kW >= 0). */
export function assertAuxConversion(aux: AuxConversion, key: string): void {
  if (aux.kind === 'percent') assertNumber(aux.nominalKw, `${key}.nominalKw`, true);
  else if (aux.kind === 'steps') {
    if (!Array.isArray(aux.stepKw) || aux.stepKw.length === 0)
      fail(`${key}.stepKw`, 'expected a non-empty list of kW');
    aux.stepKw.forEach((kw, i) => assertNumber(kw, `${key}.stepKw[${i}]`, true));
  } else if (aux.kind !== 'kw')
    fail(`${key}.kind`, `expected percent, steps or kw, got ${String((aux as { kind: unknown }).kind)}`);
}

/** Validates compressor semantics. */
export function assertCompressor(compressor: CompressorSemantics, key: string): void {
  if (compressor.kind === 'speed') assertNumber(compressor.threshold, `${key}.threshold`);
  else if (compressor.kind !== 'onOff')
    fail(`${key}.kind`, `expected onOff or speed, got ${String((compressor as { kind: unknown }).kind)}`);
}
