import { expect } from '@esm-bundle/chai';
import { measured, estimated, unavailable } from '../../../src/model/index.js';
import { buildEnergyFlowOption } from '../../../cards/options/energy-flow-options.js';
import { buildKpiTiles } from '../../../cards/options/kpi-tiles.js';
import { ctx, seriesOf } from './helpers.js';

describe('buildEnergyFlowOption', () => {
  it('makes a sankey with localised node names, dropping zero links and unused nodes', () => {
    const option = buildEnergyFlowOption(
      {
        estimated: false,
        links: [
          { source: 'electricity', target: 'compressor', value: 10 },
          { source: 'ambient', target: 'compressor', value: 25 },
          { source: 'electricity', target: 'aux_heater', value: 0 },
          { source: 'compressor', target: 'space_heating', value: 28 },
          { source: 'compressor', target: 'hot_water', value: 7 },
        ],
      },
      ctx(),
    );
    const [sankey] = seriesOf(option);
    expect(sankey!.type).to.equal('sankey');
    expect((sankey!.data as Array<{ name: string }>).map((n) => n.name).sort()).to.deep.equal(
      ['Ambient heat', 'Compressor', 'Electricity', 'Hot water', 'Space heating'].sort(),
    );
    const links = sankey!.links as Array<{ source: string; target: string; value: number }>;
    expect(links).to.have.length(4);
    const into = links.filter((l) => l.target === 'Compressor').reduce((s, l) => s + l.value, 0);
    const out = links.filter((l) => l.source === 'Compressor').reduce((s, l) => s + l.value, 0);
    expect(into).to.equal(out);
  });
});

describe('buildKpiTiles', () => {
  it('formats figures, marks estimates and unavailable ones, and links tiles to entities', () => {
    const tiles = buildKpiTiles({
      figures: {
        copNow: measured(3.456, ''),
        copToday: estimated(2.9, '', 'heat from flow factor'),
        copRange: unavailable('no heat signal'),
        runtimeToday: measured(7.25, 'h'),
        energyIn: measured(12.34, 'kWh'),
        energyOut: measured(40.5, 'kWh'),
        alarm: { active: true, text: 'High pressure' },
      },
      texts: ctx().texts,
      locale: 'en',
      entities: { cop_now: 'sensor.heatpump_cop_now', alarm: 'binary_sensor.heatpump_alarm' },
    });
    expect(tiles.map((t) => [t.key, t.value, t.status])).to.deep.equal([
      ['cop_now', '3.46', 'measured'],
      ['cop_today', '2.90', 'estimated'],
      ['cop_range', '–', 'unavailable'],
      ['runtime_today', '7.3 h', 'measured'],
      ['energy_in', '12.3 kWh', 'measured'],
      ['energy_out', '40.5 kWh', 'measured'],
      ['alarm', 'High pressure', 'measured'],
    ]);
    expect(tiles[2]!.note).to.equal('no heat signal');
    expect(tiles[1]!.note).to.equal('estimated: heat from flow factor');
    expect(tiles[0]!.entityId).to.equal('sensor.heatpump_cop_now');
    expect(tiles[6]!.alert).to.equal(true);
  });
});
