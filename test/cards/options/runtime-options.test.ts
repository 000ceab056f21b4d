import { expect } from '@esm-bundle/chai';
import { buildRuntimeOption, runtimeTooltip } from '../../../cards/options/runtime-options.js';
import { ctx, seriesOf } from './helpers.js';

describe('buildRuntimeOption', () => {
  it('builds a donut with four slices in hours, idle in a neutral grey', () => {
    const option = buildRuntimeOption({ heating: 10.25, hotWater: 1.5, auxHeater: 0.75, idle: 11.5 }, ctx());
    const [pie] = seriesOf(option);
    expect(pie!.type).to.equal('pie');
    expect((pie!.data as Array<{ name: string; value: number }>).map((d) => [d.name, d.value])).to.deep.equal(
      [
        ['Compressor, heating', 10.25],
        ['Compressor, hot water', 1.5],
        ['Aux heater', 0.75],
        ['Idle', 11.5],
      ],
    );
    expect((pie!.data as Array<{ itemStyle?: { color: string } }>)[3]!.itemStyle!.color).to.match(
      /^rgba\(150/,
    );
  });

  it('lists every state with its hours beside the donut', () => {
    const option = buildRuntimeOption(
      { heating: 10.25, hotWater: 1.5, auxHeater: 0.75, idle: 11.5 },
      ctx('sv'),
    );
    const legend = option.legend as { orient: string; formatter: (name: string) => string };
    expect(legend.orient).to.equal('horizontal');
    expect(legend.formatter('Vila')).to.equal('Vila  11,5 h');
  });

  it('shows hours and share in the tooltip, localised', () => {
    const option = buildRuntimeOption({ heating: 1, hotWater: 0, auxHeater: 0, idle: 1 }, ctx('de'));
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ name: 'Stillstand', value: 12.5, percent: 52.08 })).to.equal(
      'Stillstand: 12,5 h (52,1 %)',
    );
    expect(runtimeTooltip({ name: 'Idle', value: 2, percent: 50 }, ctx())).to.equal('Idle: 2.0 h (50.0 %)');
  });
});
