import type { HouseOptions } from './options.js';

/**
 * House and radiator circuit as two lumped heat capacities:
 *   C_b dT_in/dt = Q_rad + Q_gains - UA_b (T_in - T_out)
 *   C_w dT_w/dt  = Q_in - Q_rad,   Q_rad = UA_rad (T_w - T_in)^n   (W, K, J/K)
 */
export class Building {
  readonly uaBuildingWPerK: number;
  readonly uaRadiatorW: number;
  private readonly capacityJPerK: number;
  indoorC: number;
  /** Mean water temperature of the radiator circuit, °C. */
  circuitC: number;

  constructor(
    private readonly house: HouseOptions,
    initialOutdoorC: number,
  ) {
    this.uaBuildingWPerK = house.designHeatLossW / (house.indoorSetpointC - house.designOutdoorC);
    const designEmission = house.designHeatLossW - house.internalGainsW;
    this.uaRadiatorW =
      designEmission / Math.pow(house.designRadiatorMeanC - house.indoorSetpointC, house.radiatorExponent);
    this.capacityJPerK = this.uaBuildingWPerK * house.timeConstantHours * 3600;
    this.indoorC = house.indoorSetpointC;
    this.circuitC = this.requiredCircuitC(initialOutdoorC);
  }

  /** Heat the radiators give off now, W; with the circulation pump off only a trickle. */
  radiatorEmissionW(pumpOn: boolean): number {
    const excess = Math.max(0, this.circuitC - this.indoorC);
    const full = this.uaRadiatorW * Math.pow(excess, this.house.radiatorExponent);
    return pumpOn ? full : 0.15 * full;
  }

  /** Heat demand that keeps the house at its setpoint, W (0 when the gains cover it). */
  demandW(outdoorC: number): number {
    const h = this.house;
    return Math.max(0, this.uaBuildingWPerK * (h.indoorSetpointC - outdoorC) - h.internalGainsW);
  }

  /** Circuit mean water temperature that emits exactly the demand, °C. */
  requiredCircuitC(outdoorC: number): number {
    const demand = this.demandW(outdoorC);
    return this.house.indoorSetpointC + Math.pow(demand / this.uaRadiatorW, 1 / this.house.radiatorExponent);
  }

  /**
   * Heating curve: supply temperature target for an outdoor temperature, °C. Derived from the
   * radiator law rather than a straight line, so the house settles at its setpoint; the mean
   * supply over an on/off cycle is the mean water temperature plus half the emission's delta T.
   */
  supplyTargetC(outdoorC: number, flowFactorKwPerK: number): number {
    const demand = this.demandW(outdoorC);
    return this.requiredCircuitC(outdoorC) + demand / (2000 * flowFactorKwPerK) + this.house.curveOffsetC;
  }

  /** Advances both capacities by dt with the given heat flows held constant. */
  step(args: { outdoorC: number; heatInW: number; emissionW: number; dtS: number }): void {
    const { outdoorC, heatInW, emissionW, dtS } = args;
    const loss = this.uaBuildingWPerK * (this.indoorC - outdoorC);
    this.indoorC += (dtS * (emissionW + this.house.internalGainsW - loss)) / this.capacityJPerK;
    this.circuitC += (dtS * (heatInW - emissionW)) / this.house.circuitHeatCapacityJPerK;
  }
}
