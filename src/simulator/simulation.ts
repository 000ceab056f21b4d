import { AlarmProcess, SIM_ALARM_CODES } from './alarms.js';
import { Building } from './building.js';
import { Controller } from './controller.js';
import type { SimFrame } from './frame.js';
import { compressorCop, compressorHeatW, compressorPowerW, relax } from './heat-pump-physics.js';
import { HotWaterTank } from './hot-water.js';
import { resolveOptions } from './options.js';
import type { SimulatorInput, SimulatorOptions } from './options.js';
import { substream } from './prng.js';
import { Weather, groundTemperatureC, seasonalMeanC } from './weather.js';

const MINUTE_S = 60;
/** Hot-water coil: the condenser sees water a few K below the tank-top sensor. */
const COIL_OFFSET_K = 5;
/** Heating-season switch hysteresis around the stop temperature, K. */
const SEASON_HYSTERESIS_K = 1;

/** Aligns a time to the step grid, so the same seed gives the same samples whatever the start. */
export function alignToStep(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}

/**
 * A deterministic heat pump + house + weather simulation that advances one fixed step per call.
 * The same options and start give bit-identical frames, however the caller slices time.
 */
export class Simulation {
  readonly options: SimulatorOptions;
  private t: number;
  private readonly weather: Weather;
  private readonly building: Building;
  private readonly tank: HotWaterTank;
  private readonly alarms: AlarmProcess;
  private readonly controller: Controller;
  private heatingSeason = true;
  /**
   * Pumps steer on a filtered outdoor temperature: a short filter for the heating curve and a
   * day-long one for the heating season, so a sunny afternoon in April does not stop heating.
   */
  private curveOutdoorC: number;
  private seasonOutdoorC: number;
  private lastRadiatorSupplyC: number;
  private brineDrawdownK = 0;
  private brineOutC: number;
  private hotGasC = 25;
  private readonly counters = {
    electricalKwh: 0,
    heatKwh: 0,
    heatHotWaterKwh: 0,
    ambientKwh: 0,
    compressorKwh: 0,
    auxKwh: 0,
    pumpsKwh: 0,
    compressorHours: 0,
    hotWaterHours: 0,
    auxHours: 0,
  };

  constructor(input: SimulatorInput | SimulatorOptions, startMs: number) {
    // Resolving is idempotent, so callers may pass either partial input or resolved options.
    this.options = resolveOptions(input);
    const o = this.options;
    this.t = alignToStep(startMs, o.stepMs);
    this.weather = new Weather(o.climate, o.seed);
    const firstOutdoor = this.peekOutdoor();
    this.building = new Building(o.house, firstOutdoor);
    this.tank = new HotWaterTank(o.hotWater, o.seed, o.climate.utcOffsetHours);
    this.alarms = new AlarmProcess(o.alarms, SIM_ALARM_CODES[o.brand], o.seed);
    this.controller = new Controller(o.heatPump, o.hotWater, this.t);
    this.heatingSeason = firstOutdoor < o.house.heatingStopOutdoorC;
    this.curveOutdoorC = firstOutdoor;
    this.seasonOutdoorC = firstOutdoor;
    this.brineOutC = groundTemperatureC(this.t, o.climate);
    this.lastRadiatorSupplyC = this.building.circuitC;
    // A pump installed years ago does not read zero on its meters and runtime counters.
    const years = substream(o.seed, 'meter').between(1, 8);
    this.counters.electricalKwh = Math.round(years * 6500);
    this.counters.heatKwh = Math.round(years * 21000);
    this.counters.heatHotWaterKwh = Math.round(years * 2000);
    this.counters.compressorHours = Math.round(years * 3000);
    this.counters.hotWaterHours = Math.round(years * 300);
    this.counters.auxHours = Math.round(years * 40);
  }

  /** Time of the next frame, epoch ms. */
  get time(): number {
    return this.t;
  }

  /** Produces the frame at the current time and advances one step. */
  step(): SimFrame {
    const o = this.options;
    const pump = o.heatPump;
    const t = this.t;
    const dtS = o.stepMs / 1000;
    const outdoorC = this.weather.at(t);
    this.curveOutdoorC = relax(this.curveOutdoorC, outdoorC, dtS, 3 * 3600);
    this.seasonOutdoorC = relax(this.seasonOutdoorC, outdoorC, dtS, 24 * 3600);
    this.updateSeason(this.seasonOutdoorC);
    this.alarms.step(t);

    const b = this.building;
    const targetC = this.heatingSeason
      ? b.supplyTargetC(this.curveOutdoorC, pump.flowFactorKwPerK)
      : Number.NaN;
    const heatingPumpOn = this.heatingSeason;
    const emissionW = b.radiatorEmissionW(heatingPumpOn);
    const ffW = pump.flowFactorKwPerK * 1000;
    const radiatorReturnC = b.circuitC - (heatingPumpOn ? emissionW / (2 * ffW) : 0);

    const c = this.controller;
    c.decide({
      t,
      heatingSeason: this.heatingSeason,
      hotWaterC: this.tank.temperatureC,
      alarmActive: this.alarms.activeCode !== 0,
      radiatorSupplyC: this.lastRadiatorSupplyC,
      supplyTargetC: Number.isNaN(targetC) ? 0 : targetC,
    });

    // Source side: the borehole cools around the collector while the compressor extracts heat.
    const groundC = groundTemperatureC(t, o.climate);
    const sourceInC = pump.source === 'air' ? outdoorC : groundC - this.brineDrawdownK;

    const auxKw = c.auxStep > 0 ? (pump.auxStepsKw[c.auxStep - 1] ?? 0) : 0;
    const auxW = auxKw * 1000;
    // The aux heater sits in the heating supply line; during hot water it is off (controller).
    const returnC = c.hotWaterMode ? this.tank.temperatureC - COIL_OFFSET_K : radiatorReturnC;
    const run = c.compressorOn
      ? this.compressorOutput({ returnC, auxW, sourceC: sourceInC, runningS: c.sinceChange(t) / 1000 })
      : { electricW: 0, heatW: 0, cop: Number.NaN };
    const compressorW = run.electricW;
    const compressorHeat = run.heatW;
    const cop = run.cop;
    const spaceHeatW = c.hotWaterMode ? auxW : compressorHeat + auxW;
    const hotWaterHeatW = c.hotWaterMode ? compressorHeat : 0;

    const radiatorSupplyC = radiatorReturnC + spaceHeatW / ffW;
    this.lastRadiatorSupplyC = radiatorSupplyC;
    const supplyC = returnC + (spaceHeatW + hotWaterHeatW) / ffW;

    const ambientW = compressorHeat - compressorW;
    const brineInC = pump.source === 'air' ? outdoorC : sourceInC;
    const brineOutTarget = c.compressorOn
      ? brineInC - ambientW / (pump.sourceFlowFactorKwPerK * 1000)
      : brineInC + 0.5;
    const pumpsW =
      pump.standbyW + (c.compressorOn ? pump.sourcePumpW : 0) + (heatingPumpOn ? pump.heatingPumpW : 0);
    const tapW = this.tank.tapPowerW(t);

    const frame: SimFrame = {
      t,
      outdoorC,
      indoorC: b.indoorC,
      supplyTargetC: targetC,
      supplyC,
      returnC,
      radiatorSupplyC,
      radiatorReturnC,
      hotWaterC: this.tank.temperatureC,
      brineInC,
      brineOutC: this.brineOutC,
      hotGasC: this.hotGasC,
      compressorOn: c.compressorOn,
      hotWaterMode: c.hotWaterMode,
      auxKw,
      auxStep: c.auxStep,
      brinePumpOn: c.compressorOn,
      heatingPumpOn,
      degreeMinutes: c.degreeMinutes,
      alarmCode: this.alarms.activeCode,
      lastAlarmCode: this.alarms.lastCode,
      cop,
      compressorW,
      auxW,
      pumpsW,
      electricalW: compressorW + auxW + pumpsW,
      heatW: compressorHeat + auxW,
      ambientW,
      tapW,
      ...this.counters,
    };

    // Advance the state over [t, t + dt) with the flows above held constant.
    b.step({ outdoorC, heatInW: spaceHeatW, emissionW, dtS });
    this.tank.step({ heatInW: hotWaterHeatW, tapW, dtS });
    c.integrate({ heatingSeason: this.heatingSeason, radiatorSupplyC, supplyTargetC: targetC, dtS });
    this.brineDrawdownK = relax(
      this.brineDrawdownK,
      c.compressorOn ? 2.5 : 0,
      dtS,
      c.compressorOn ? 15 * MINUTE_S : 45 * MINUTE_S,
    );
    this.brineOutC = relax(
      this.brineOutC,
      brineOutTarget,
      dtS,
      c.compressorOn ? 2 * MINUTE_S : 20 * MINUTE_S,
    );
    const condensing = supplyC + pump.condensingOffsetC;
    const hotGasTarget = c.compressorOn ? condensing + 20 + 0.35 * (condensing - sourceInC) : 25;
    this.hotGasC = relax(this.hotGasC, hotGasTarget, dtS, c.compressorOn ? 4 * MINUTE_S : 30 * MINUTE_S);
    const hours = dtS / 3600;
    const k = this.counters;
    k.electricalKwh += (frame.electricalW * hours) / 1000;
    k.heatKwh += (frame.heatW * hours) / 1000;
    k.heatHotWaterKwh += (hotWaterHeatW * hours) / 1000;
    k.ambientKwh += (ambientW * hours) / 1000;
    k.compressorKwh += (compressorW * hours) / 1000;
    k.auxKwh += (auxW * hours) / 1000;
    k.pumpsKwh += (pumpsW * hours) / 1000;
    if (c.compressorOn) k.compressorHours += hours;
    if (c.compressorOn && c.hotWaterMode) k.hotWaterHours += hours;
    if (auxW > 0) k.auxHours += hours;
    this.t += o.stepMs;
    return frame;
  }

  /** Steps until the next frame would be at or after `t`; returns how many steps were taken. */
  skipTo(t: number): number {
    let n = 0;
    while (this.t < t) {
      this.step();
      n++;
    }
    return n;
  }

  /**
   * Compressor input, heat and COP for a condenser inlet temperature. The outlet temperature sets
   * the condensing pressure and depends on the heat delivered, so two fixed-point passes settle it.
   */
  private compressorOutput(x: { returnC: number; auxW: number; sourceC: number; runningS: number }): {
    electricW: number;
    heatW: number;
    cop: number;
  } {
    const pump = this.options.heatPump;
    const ffW = pump.flowFactorKwPerK * 1000;
    let outC = x.returnC + (pump.compressorPowerW * 3 + x.auxW) / ffW;
    let result = { electricW: 0, heatW: 0, cop: Number.NaN };
    for (let pass = 0; pass < 2; pass++) {
      const electricW = compressorPowerW(outC, pump);
      const cop = compressorCop({ condenserOutC: outC, sourceC: x.sourceC, pump });
      const heatW = compressorHeatW({ electricW, cop, runningS: x.runningS });
      result = { electricW, heatW, cop };
      outC = x.returnC + (heatW + x.auxW) / ffW;
    }
    return result;
  }

  private updateSeason(outdoorC: number): void {
    const stop = this.options.house.heatingStopOutdoorC;
    if (this.heatingSeason && outdoorC > stop + SEASON_HYSTERESIS_K) this.heatingSeason = false;
    else if (!this.heatingSeason && outdoorC < stop - SEASON_HYSTERESIS_K) this.heatingSeason = true;
  }

  /** Initial conditions only need the season; the weather's own first value follows in step(). */
  private peekOutdoor(): number {
    return seasonalMeanC(this.t, this.options.climate);
  }
}
