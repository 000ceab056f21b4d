import { reasonOf, unavailable, unavailableFor, withNotes, type Figure } from '../model/figure.js';
import { heatNotes, missingSources } from './energy.js';
import type { Ledger } from './ledger.js';

export type FlowNodeId =
  'electricity' | 'ambient' | 'compressor' | 'aux_heater' | 'space_heating' | 'hot_water' | 'losses';

export interface FlowNode {
  readonly id: FlowNodeId;
  /** Energy through the node, kWh. */
  readonly kwh: number;
}

export interface FlowLink {
  readonly source: FlowNodeId;
  readonly target: FlowNodeId;
  readonly kwh: number;
}

/** A Sankey of one range; for every inner node inputs = outputs. */
export interface EnergyFlow {
  readonly nodes: readonly FlowNode[];
  /** Links with kWh > 0. */
  readonly links: readonly FlowLink[];
  /** Heat with unknown valve position, shown under space heating (kWh). */
  readonly unattributedKwh: number;
}

/**
 * Energy flow over the segments where heat and electricity are both known (the COP basis):
 * electricity -> compressor (E_comp) and aux_heater (A); ambient -> compressor (Q_hp - E_comp);
 * compressor -> space_heating / hot_water (Q_hp split by valve); aux_heater -> space_heating /
 * hot_water (A split by valve). E_comp = E - A when the meter includes the aux heater (scope
 * 'unit'), else E; electricity = E_comp + A. When Q_hp < E_comp (COP below 1, e.g. a summer of
 * standby) the difference flows compressor -> losses instead of a negative ambient: nothing is
 * clamped or forced, and the flow balances at every node. Unknown heat or electricity makes the
 * whole flow unavailable.
 */
export function energyFlowFromLedger(ledger: Ledger): Figure<EnergyFlow> {
  const missing = missingSources(ledger);
  if (missing) return unavailableFor(missing);
  let elec = 0;
  const aux = { sh: 0, hw: 0 };
  const hp = { sh: 0, hw: 0 };
  let unattributed = 0;
  let paired = 0;
  const c = ledger.columns;
  for (let i = 0; i < c.length; i += 1) {
    const hpHeat = c.hpHeatKwh[i] as number;
    const e = c.elecKwh[i] as number;
    if (Number.isNaN(hpHeat) || Number.isNaN(e)) continue;
    paired += (c.end[i] as number) - (c.start[i] as number);
    elec += e;
    const a = Number.isNaN(c.auxKwh[i] as number) ? 0 : (c.auxKwh[i] as number);
    // Unknown valve position goes to space heating (reported as unattributedKwh).
    const valve = c.hotWater[i] as number;
    const to = valve === 1 ? 'hw' : 'sh';
    hp[to] += hpHeat;
    aux[to] += a;
    if (Number.isNaN(valve)) unattributed += hpHeat + a;
  }
  if (paired === 0)
    return unavailable('no time in range with both heat and electricity data', 'no_paired_data');
  const auxTotal = aux.sh + aux.hw;
  const compressorElec = ledger.options.electricityScope === 'unit' ? elec - auxTotal : elec;
  if (compressorElec < 0)
    return unavailable('aux heater estimate exceeds the metered electricity', 'aux_exceeds_electricity');
  if (hp.sh < 0 || hp.hw < 0)
    return unavailable(
      'heat below the aux heater estimate: cannot split the heat pump part',
      'heat_below_aux',
    );
  const hpTotal = hp.sh + hp.hw;
  const ambient = Math.max(0, hpTotal - compressorElec);
  const losses = Math.max(0, compressorElec - hpTotal);
  const nodes: FlowNode[] = [
    { id: 'electricity', kwh: compressorElec + auxTotal },
    { id: 'ambient', kwh: ambient },
    { id: 'compressor', kwh: compressorElec + ambient },
    { id: 'aux_heater', kwh: auxTotal },
    { id: 'space_heating', kwh: hp.sh + aux.sh },
    { id: 'hot_water', kwh: hp.hw + aux.hw },
  ];
  if (losses > 0) nodes.push({ id: 'losses', kwh: losses });
  const links: FlowLink[] = [
    { source: 'electricity', target: 'compressor', kwh: compressorElec },
    { source: 'electricity', target: 'aux_heater', kwh: auxTotal },
    { source: 'ambient', target: 'compressor', kwh: ambient },
    { source: 'compressor', target: 'space_heating', kwh: hp.sh },
    { source: 'compressor', target: 'hot_water', kwh: hp.hw },
    { source: 'compressor', target: 'losses', kwh: losses },
    { source: 'aux_heater', target: 'space_heating', kwh: aux.sh },
    { source: 'aux_heater', target: 'hot_water', kwh: aux.hw },
  ];
  const flow: EnergyFlow = { nodes, links: links.filter((l) => l.kwh > 0), unattributedKwh: unattributed };
  const notes = heatNotes(ledger, { includesAux: true, auxKwh: auxTotal });
  if (unattributed > 0)
    notes.push(
      reasonOf(
        'valve_unknown',
        `${unattributed.toFixed(2)} kWh with unknown valve position shown as space heating`,
      ),
    );
  return withNotes(flow, 'kWh', notes);
}
