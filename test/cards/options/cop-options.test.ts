import { expect } from '@esm-bundle/chai';
import { xyPairs } from '../../../cards/options/common.js';
import { buildCopOption } from '../../../cards/options/cop-options.js';
import { HOUR, T0, ctx, seriesOf } from './helpers.js';

const points = [
  { t: T0 + 0.5 * HOUR, v: 3.2 },
  { t: T0 + 1.5 * HOUR, v: null },
  { t: T0 + 2.5 * HOUR, v: 4.1 },
];

describe('buildCopOption', () => {
  it('draws interval COP as an area line with the range COP as a mark line of its own legend entry', () => {
    const option = buildCopOption({ intervalCop: points, periodCop: 3.456, periodEstimated: false }, ctx());
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).to.deep.equal(['COP', 'Range COP']);
    expect(series[0]!.type).to.equal('line');
    expect(series[0]!.areaStyle).to.not.equal(undefined);
    expect(xyPairs(series[0]!.data)).to.deep.equal([
      [T0 + 0.5 * HOUR, 3.2],
      [T0 + 1.5 * HOUR, null],
      [T0 + 2.5 * HOUR, 4.1],
    ]);
    const markLine = series[1]!.markLine as { data: Array<{ yAxis: number }> };
    expect(markLine.data[0]!.yAxis).to.equal(3.456);
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('Range COP')).to.equal('Range COP 3.46');
    expect(legend.formatter('COP')).to.equal('COP');
  });

  it('adds outdoor temperature on a second axis and marks an estimated range COP', () => {
    const option = buildCopOption(
      { intervalCop: points, periodCop: 2.5, periodEstimated: true, outdoor: [{ t: T0, v: -3 }] },
      ctx('sv'),
    );
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).to.deep.equal(['COP', 'COP för perioden', 'Ute']);
    expect(series[2]!.yAxisIndex).to.equal(1);
    expect((option.yAxis as unknown[]).length).to.equal(2);
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('COP för perioden')).to.equal('COP för perioden 2,50 (uppskattad)');
  });

  it('leaves out the mark line when the range COP is unknown', () => {
    const series = seriesOf(
      buildCopOption({ intervalCop: [], periodCop: null, periodEstimated: false }, ctx()),
    );
    expect(series.map((s) => s.name)).to.deep.equal(['COP']);
    expect(series[0]!.markLine).to.equal(undefined);
  });
});
