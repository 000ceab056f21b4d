import { expect } from '@esm-bundle/chai';
import '../../../cards/chart/hp-chart.js';
import type { HpChart } from '../../../cards/chart/hp-chart.js';
import { xyLine, xyPairs } from '../../../cards/options/common.js';

describe('xyLine', () => {
  it('packs points into one flat Float64Array with its dimensions, gaps as NaN, and reads back as pairs', () => {
    const { data, dimensions } = xyLine([
      { t: 1000, v: 21.5 },
      { t: 2000, v: null },
      { t: 3000, v: -4.25 },
    ]);
    expect(data).to.be.instanceOf(Float64Array);
    expect(dimensions).to.deep.equal(['time', 'value']);
    expect(Array.from(data as unknown as Float64Array)).to.deep.equal([1000, 21.5, 2000, NaN, 3000, -4.25]);
    expect(xyPairs(data)).to.deep.equal([
      [1000, 21.5],
      [2000, null],
      [3000, -4.25],
    ]);
    expect(xyPairs(xyLine([]).data)).to.deep.equal([]);
    expect(() => xyPairs([[1, 2]])).to.throw(/not a Float64Array/);
  });
});

describe('typed line data in a real ECharts chart', () => {
  afterEach(() => document.body.replaceChildren());

  async function mount(line: ReturnType<typeof xyLine>): Promise<HpChart> {
    const el = document.createElement('hp-chart');
    el.style.width = '400px';
    el.option = {
      animation: false,
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)} °C` : '–'),
      },
      series: [{ type: 'line', name: 'Supply', ...line, showSymbol: false }],
    };
    document.body.append(el);
    await el.updateComplete;
    return el;
  }

  it('is held as given (not deep-cloned into per-point arrays), with gaps as empty values', async () => {
    const line = xyLine([
      { t: 0, v: 30.5 },
      { t: 60_000, v: null },
      { t: 120_000, v: 32.25 },
    ]);
    const el = await mount(line);
    const series = el.chart!.getOption().series as Array<{ data: unknown }>;
    expect(series[0]!.data).to.equal(line.data);
    const stored = (
      el.chart as unknown as {
        getModel(): {
          getSeriesByIndex(i: number): { getData(): { count(): number; get(d: string, i: number): number } };
        };
      }
    )
      .getModel()
      .getSeriesByIndex(0)
      .getData();
    expect(stored.count()).to.equal(3);
    expect([stored.get('time', 2), stored.get('value', 2)]).to.deep.equal([120_000, 32.25]);
    expect(Number.isNaN(stored.get('value', 1))).to.equal(true);
  });

  it('shows the point in the axis tooltip with the series formatter', async () => {
    const el = await mount(
      xyLine([
        { t: 0, v: 30.5 },
        { t: 60_000, v: 31.04 },
        { t: 120_000, v: 32.25 },
      ]),
    );
    el.chart!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Supply');
    expect(text).to.contain('31.0 °C');
  });
});
