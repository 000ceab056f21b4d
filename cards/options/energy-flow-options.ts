import type { ChartOption } from '../echarts/echarts.js';
import type { Texts } from '../i18n/index.js';
import type { ReasonSource } from '../i18n/reasons.js';
import { formatNumber } from './common.js';
import type { OptionContext } from './common.js';

import type { FlowNodeId } from '../../src/metrics/index.js';

export type { FlowNodeId };

export interface EnergyFlowData {
  /** kWh per link; the core balances them (inputs = outputs within rounding) */
  links: ReadonlyArray<{ source: FlowNodeId; target: FlowNodeId; value: number }>;
  estimated: boolean;
  /** what an estimate rests on (the core's basis and code), shown under the chart */
  note?: ReasonSource;
}

export function flowNodeName(id: FlowNodeId, texts: Texts): string {
  const c = texts.chart;
  const names: Record<FlowNodeId, string> = {
    electricity: c.electricity,
    ambient: c.ambient,
    compressor: c.compressor,
    aux_heater: c.aux_heater,
    space_heating: c.space_heating,
    hot_water: c.valve_hot_water,
    losses: c.losses,
  };
  return names[id];
}

/** Sankey electricity/ambient -> compressor/aux heater -> space heating/hot water, in kWh. */
export function buildEnergyFlowOption(data: EnergyFlowData, ctx: OptionContext): ChartOption {
  const links = data.links.filter((l) => l.value > 0);
  const used = new Set<FlowNodeId>(links.flatMap((l) => [l.source, l.target]));
  const kwh = (v: number): string => `${formatNumber(v, ctx.locale, 1)} kWh`;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { name: string; value: number };
        return `${p.name}: ${kwh(p.value)}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 96,
        top: 8,
        // Room under the lowest node for its two-line label.
        bottom: 24,
        nodeGap: 14,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.4 },
        label: {
          lineHeight: 16,
          formatter: (p: { name: string; value?: unknown }) => `${p.name}\n${kwh(Number(p.value ?? 0))}`,
        },
        data: [...used].map((id) => ({ name: flowNodeName(id, ctx.texts) })),
        links: links.map((l) => ({
          source: flowNodeName(l.source, ctx.texts),
          target: flowNodeName(l.target, ctx.texts),
          value: Math.round(l.value * 1000) / 1000,
        })),
      },
    ],
  };
}
