import type { HeatPumpOptions } from './options.js';

const KELVIN = 273.15;
/** Below this lift the Carnot formula explodes; real compressors never see less. */
const MIN_LIFT_K = 20;

/** Carnot COP for heating between condensing and evaporating temperatures given in °C. */
export function carnotCop(condensingC: number, evaporatingC: number): number {
  return (condensingC + KELVIN) / Math.max(MIN_LIFT_K, condensingC - evaporatingC);
}

/**
 * Steady-state COP of the compressor circuit: a fixed fraction of Carnot between condensing
 * (condenser outlet + offset) and evaporating (source - offset) temperatures.
 */
export function compressorCop(args: {
  condenserOutC: number;
  sourceC: number;
  pump: HeatPumpOptions;
}): number {
  const { condenserOutC, sourceC, pump } = args;
  const condensing = condenserOutC + pump.condensingOffsetC;
  const evaporating = sourceC - pump.evaporatingOffsetC;
  return pump.carnotEfficiency * carnotCop(condensing, evaporating);
}

/** Compressor electrical input, W: rises with the pressure it works against (condensing temperature). */
export function compressorPowerW(condenserOutC: number, pump: HeatPumpOptions): number {
  const condensing = condenserOutC + pump.condensingOffsetC;
  return pump.compressorPowerW * Math.max(0.6, 1 + pump.compressorPowerSlopePerK * (condensing - 37));
}

/**
 * Heat the compressor delivers after running for `runningS` seconds, W. After a start the
 * evaporator needs a couple of minutes before it extracts its full share of ambient heat; the
 * electrical work reaches the water from the first second, so ambient heat never goes negative.
 */
export function compressorHeatW(args: { electricW: number; cop: number; runningS: number }): number {
  const ramp = 1 - Math.exp(-args.runningS / 90);
  return args.electricW * (1 + ramp * Math.max(0, args.cop - 1));
}

/** First-order approach of `value` to `target` over dt with time constant tau (same units). */
export function relax(value: number, target: number, dt: number, tau: number): number {
  return target + (value - target) * Math.exp(-dt / tau);
}
