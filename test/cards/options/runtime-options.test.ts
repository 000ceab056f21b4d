import { expect } from '@esm-bundle/chai';
import { buildRuntimeOption, runtimeTooltip } from '../../../cards/options/runtime-options.js';
import { ctx, seriesOf } from './helpers.js';

describe('buildRuntimeOption', () => {
  it('builds a donut with four slices in hours', () => {
    const option = buildRuntimeOption({ heating: 10.25, hotWater: 1.5, auxHeater: 0.75, idle: 11.5 }, ctx());
    const [pie] = seriesOf(option);
    expect(pie!.type).to.equal('pie');
    expect(pie!.radius).to.deep.equal(['45%', '70%']);
    expect(pie!.data).to.deep.equal([
      { name: 'Compressor, heating', value: 10.25 },
      { name: 'Compressor, hot water', value: 1.5 },
      { name: 'Aux heater', value: 0.75 },
      { name: 'Idle', value: 11.5 },
    ]);
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
