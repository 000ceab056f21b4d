import { expect } from '@esm-bundle/chai';
import { buildPerformanceOption } from '../../../cards/options/performance-options.js';
import { buildPowerOption } from '../../../cards/options/power-options.js';
import { buildValveOption } from '../../../cards/options/valve-options.js';
import { HOUR, T0, ctx, seriesOf } from './helpers.js';

const p = (v: number | null, h = 0) => ({ t: T0 + h * HOUR, v });

describe('stacked plots', () => {
  it('performance: two grids sharing the time axis, one delta T each', () => {
    const option = buildPerformanceOption({ supplyDeltaT: [p(5.5), p(6, 1)], brineDeltaT: [p(3.1)] }, ctx());
    const series = seriesOf(option);
    expect(series.map((s) => [s.name, s.xAxisIndex, s.yAxisIndex])).to.deep.equal([
      ['Supply − return', 0, 0],
      ['Brine in − out', 1, 1],
    ]);
    expect((option.grid as unknown[]).length).to.equal(2);
    expect((option.axisPointer as { link: unknown }).link).to.deep.equal([{ xAxisIndex: 'all' }]);
    const axes = option.xAxis as Array<{ min: number; max: number; axisLabel: { show: boolean } }>;
    expect(axes.map((a) => [a.min, a.max, a.axisLabel.show])).to.deep.equal([
      [T0, T0 + 24 * HOUR, false],
      [T0, T0 + 24 * HOUR, true],
    ]);
  });

  it('power: electrical and heat on top, aux heater as a step lane below', () => {
    const option = buildPowerOption(
      { electrical: [p(1200)], heat: [p(4100)], aux: [p(0), p(3000, 1)], auxIsState: false },
      ctx(),
    );
    const series = seriesOf(option);
    expect(series.map((s) => [s.name, s.yAxisIndex])).to.deep.equal([
      ['Electrical power', 0],
      ['Heat power', 0],
      ['Aux heater power', 1],
    ]);
    expect(series[2]!.step).to.equal('end');
  });

  it('power: without heat data and with an on/off aux heater', () => {
    const option = buildPowerOption({ electrical: [p(1200)], aux: [p(1)], auxIsState: true }, ctx());
    expect(seriesOf(option).map((s) => s.name)).to.deep.equal(['Electrical power', 'Aux heater']);
    const yAxis = option.yAxis as Array<{
      min?: number;
      max?: number;
      axisLabel: { formatter?: (v: number) => string };
    }>;
    expect([yAxis[1]!.min, yAxis[1]!.max]).to.deep.equal([0, 1]);
    expect(yAxis[1]!.axisLabel.formatter!(1)).to.equal('On');
  });

  it('valve: three step lanes with state labels', () => {
    const option = buildValveOption({ valve: [p(0), p(1, 2)], compressor: [p(1)], aux: [p(0)] }, ctx('sv'));
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).to.deep.equal(['Ventil', 'Kompressor', 'Tillsats']);
    expect(series.every((s) => s.step === 'end')).to.equal(true);
    const yAxis = option.yAxis as Array<{ axisLabel: { formatter: (v: number) => string } }>;
    expect([
      yAxis[0]!.axisLabel.formatter(0),
      yAxis[0]!.axisLabel.formatter(1),
      yAxis[2]!.axisLabel.formatter(0),
    ]).to.deep.equal(['Värme', 'Varmvatten', 'Av']);
  });
});
