import { expect } from '@esm-bundle/chai';
import { buildCopOption } from '../../../cards/options/cop-options.js';
import { HOUR, T0, ctx, seriesOf } from './helpers.js';

const points = [
  { t: T0 + 0.5 * HOUR, v: 3.2 },
  { t: T0 + 1.5 * HOUR, v: null },
  { t: T0 + 2.5 * HOUR, v: 4.1 },
];

describe('buildCopOption', () => {
  it('draws interval COP as an area line with the range COP as a mark line', () => {
    const option = buildCopOption({ intervalCop: points, periodCop: 3.456, periodEstimated: false }, ctx());
    const series = seriesOf(option);
    expect(series).to.have.length(1);
    expect(series[0]!.type).to.equal('line');
    expect(series[0]!.areaStyle).to.not.equal(undefined);
    expect(series[0]!.data).to.deep.equal([
      [T0 + 0.5 * HOUR, 3.2],
      [T0 + 1.5 * HOUR, null],
      [T0 + 2.5 * HOUR, 4.1],
    ]);
    const markLine = series[0]!.markLine as { data: Array<{ yAxis: number }>; label: { formatter: string } };
    expect(markLine.data[0]!.yAxis).to.equal(3.456);
    expect(markLine.label.formatter).to.equal('Range COP 3.46');
  });

  it('adds outdoor temperature on a second axis and marks an estimated range COP', () => {
    const option = buildCopOption(
      { intervalCop: points, periodCop: 2.5, periodEstimated: true, outdoor: [{ t: T0, v: -3 }] },
      ctx('sv'),
    );
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).to.deep.equal(['COP', 'Ute']);
    expect(series[1]!.yAxisIndex).to.equal(1);
    expect((option.yAxis as unknown[]).length).to.equal(2);
    const label = (series[0]!.markLine as { label: { formatter: string } }).label.formatter;
    expect(label).to.equal('COP för perioden 2,50 (uppskattad)');
  });

  it('leaves out the mark line when the range COP is unknown', () => {
    const series = seriesOf(
      buildCopOption({ intervalCop: [], periodCop: null, periodEstimated: false }, ctx()),
    );
    expect(series[0]!.markLine).to.equal(undefined);
  });
});
