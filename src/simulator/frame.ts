/**
 * Everything the simulated pump and house are doing at one instant. Powers hold over
 * [t, t + step); energy counters are the totals up to t, so integrating the power samples with
 * hold-last-value semantics reproduces the counters exactly.
 */
export interface SimFrame {
  /** Epoch ms, a multiple of the step. */
  t: number;
  outdoorC: number;
  indoorC: number;
  /** Heating curve target for the radiator supply, °C (NaN outside the heating season). */
  supplyTargetC: number;
  /** Condenser (heat-carrier) outlet and inlet, °C: what the canonical supply/return roles carry. */
  supplyC: number;
  returnC: number;
  /** Radiator circuit forward and return, °C (differs from the condenser pair during hot water). */
  radiatorSupplyC: number;
  radiatorReturnC: number;
  hotWaterC: number;
  /** Ground source: brine from / to the borehole. Air source: air into / out of the evaporator. */
  brineInC: number;
  brineOutC: number;
  hotGasC: number;
  compressorOn: boolean;
  /** Three-way valve: false = heating, true = hot water. */
  hotWaterMode: boolean;
  auxKw: number;
  /** Index of the aux step that is on (0 = off). */
  auxStep: number;
  brinePumpOn: boolean;
  heatingPumpOn: boolean;
  degreeMinutes: number;
  /** Active alarm code, 0 when none. */
  alarmCode: number;
  /** Last alarm code raised, kept after it clears. */
  lastAlarmCode: number;
  /** Instantaneous COP of the compressor circuit (NaN when it is off). */
  cop: number;
  compressorW: number;
  auxW: number;
  /** Circulation pumps and controller, W. */
  pumpsW: number;
  /** Total electrical input = compressor + aux + pumps, W. */
  electricalW: number;
  /** Heat delivered to water = compressor heat + aux heat, W. */
  heatW: number;
  /** Heat taken from the ground or air = compressor heat - compressor electrical input, W. */
  ambientW: number;
  /** Heat drawn by hot-water taps, W. */
  tapW: number;
  /** Counters since the simulation start (plus the meter's initial reading for electricity), kWh. */
  electricalKwh: number;
  heatKwh: number;
  heatHotWaterKwh: number;
  ambientKwh: number;
  compressorKwh: number;
  auxKwh: number;
  pumpsKwh: number;
  /** Runtime counters since the simulation start, hours. */
  compressorHours: number;
  hotWaterHours: number;
  auxHours: number;
}
