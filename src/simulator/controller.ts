import type { HeatPumpOptions, HotWaterOptions } from './options.js';

export interface ControllerInputs {
  t: number;
  heatingSeason: boolean;
  hotWaterC: number;
  alarmActive: boolean;
  radiatorSupplyC: number;
  supplyTargetC: number;
}

/** Safety stop: never push the radiator supply this far above the curve. */
const MAX_OVERSHOOT_K = 10;
const DM_MIN = -1500;
const DM_MAX = 200;

/**
 * The pump's control logic, after NIBE's degree-minute scheme (Thermia's "integral" is the same
 * idea): the integral of (supply - curve target) over time starts the compressor when it falls to
 * the start value and stops it when it climbs back to the stop value; minimum on and off times
 * keep cycles realistic. Hot water has priority, bounded by a maximum charge time. Aux steps come
 * on as the integral falls further (the compressor alone cannot keep up: below the balance point,
 * or blocked by an alarm).
 */
export class Controller {
  compressorOn = false;
  hotWaterMode = false;
  auxStep = 0;
  degreeMinutes = -30;
  private changedAt: number;
  private hotWaterSince = 0;

  constructor(
    private readonly pump: HeatPumpOptions,
    private readonly hotWater: HotWaterOptions,
    startT: number,
  ) {
    // Pretend the compressor stopped long ago, so it may start at once.
    this.changedAt = startT - pump.minOffMinutes * 60_000;
  }

  /** Milliseconds since the compressor last started or stopped. */
  sinceChange(t: number): number {
    return t - this.changedAt;
  }

  decide(x: ControllerInputs): void {
    const p = this.pump;
    const elapsed = x.t - this.changedAt;
    const hwNeeded = x.hotWaterC <= this.hotWater.startC;
    if (x.alarmActive) {
      this.setCompressor(false, x.t);
      this.hotWaterMode = false;
    } else if (this.compressorOn && this.hotWaterMode) {
      const charged = x.hotWaterC >= this.hotWater.stopC;
      const tooLong = x.t - this.hotWaterSince >= this.hotWater.maxChargeMinutes * 60_000;
      if (charged || tooLong) {
        this.hotWaterMode = false;
        // Carry straight on with space heating if the house is asking for it.
        if (!(x.heatingSeason && this.degreeMinutes < p.stopDegreeMinutes)) this.setCompressor(false, x.t);
      }
    } else if (this.compressorOn) {
      if (hwNeeded) {
        this.startHotWater(x.t);
      } else {
        const satisfied = this.degreeMinutes >= p.stopDegreeMinutes && elapsed >= p.minOnMinutes * 60_000;
        const overshoot = x.radiatorSupplyC > x.supplyTargetC + MAX_OVERSHOOT_K;
        if (!x.heatingSeason || satisfied || overshoot) this.setCompressor(false, x.t);
      }
    } else if (elapsed >= p.minOffMinutes * 60_000) {
      if (hwNeeded) {
        this.setCompressor(true, x.t);
        this.startHotWater(x.t);
      } else if (x.heatingSeason && this.degreeMinutes <= p.startDegreeMinutes) {
        this.setCompressor(true, x.t);
      }
    }
    this.decideAux(x);
  }

  /** Integrates the supply error over dt; outside the heating season the integral rests at 0. */
  integrate(x: {
    heatingSeason: boolean;
    radiatorSupplyC: number;
    supplyTargetC: number;
    dtS: number;
  }): void {
    if (!x.heatingSeason) {
      this.degreeMinutes = 0;
      return;
    }
    const next = this.degreeMinutes + ((x.radiatorSupplyC - x.supplyTargetC) * x.dtS) / 60;
    this.degreeMinutes = Math.min(DM_MAX, Math.max(DM_MIN, next));
  }

  private decideAux(x: ControllerInputs): void {
    const p = this.pump;
    if (!x.heatingSeason || this.hotWaterMode) {
      this.auxStep = 0;
      return;
    }
    // Step k is wanted at or below start - (k-1) * spacing; each step releases one spacing higher.
    const depth = (p.auxStartDegreeMinutes - this.degreeMinutes) / p.auxStepDegreeMinutes;
    const wanted = Math.min(p.auxStepsKw.length, Math.max(0, Math.floor(depth) + 1));
    if (wanted > this.auxStep) this.auxStep = wanted;
    else if (depth < this.auxStep - 2) this.auxStep = Math.max(0, this.auxStep - 1);
  }

  private startHotWater(t: number): void {
    this.hotWaterMode = true;
    this.hotWaterSince = t;
  }

  private setCompressor(on: boolean, t: number): void {
    if (this.compressorOn === on) return;
    this.compressorOn = on;
    this.changedAt = t;
    if (!on) this.hotWaterMode = false;
  }
}

export { DM_MIN, DM_MAX };
