import { expect } from '@esm-bundle/chai';
import { xyPairs } from '../../../cards/options/common.js';
import { onIntervals } from '../../../cards/options/lanes.js';
import { buildTemperatureOption } from '../../../cards/options/temperature-options.js';
import { HOUR, T0, ctx, seriesOf } from './helpers.js';

describe('temperature options', () => {
  it('turns an on/off signal into on-intervals with hold-last-value, the last one running to the end', () => {
    const points = [
      { t: T0, v: 0 },
      { t: T0 + HOUR, v: 1 },
      { t: T0 + 2 * HOUR, v: 1 },
      { t: T0 + 3 * HOUR, v: 0 },
      { t: T0 + 5 * HOUR, v: 1 },
    ];
    expect(onIntervals(points, T0 + 6 * HOUR)).to.deep.equal([
      [T0 + HOUR, T0 + 3 * HOUR],
      [T0 + 5 * HOUR, T0 + 6 * HOUR],
    ]);
    expect(
      onIntervals(
        [
          { t: T0, v: 1 },
          { t: T0 + HOUR, v: null },
        ],
        T0 + 2 * HOUR,
      ),
    ).to.deep.equal([[T0, T0 + HOUR]]);
  });

  it('draws each temperature as a line and each lane as one filled step line, with legend toggles and zoom', () => {
    const option = buildTemperatureOption(
      {
        series: [
          { name: 'Supply', points: [{ t: T0, v: 35 }] },
          { name: 'Return', points: [{ t: T0, v: 30 }], hidden: true },
        ],
        lanes: [{ name: 'Compressor', color: '#f00', intervals: [[T0, T0 + HOUR]] }],
      },
      ctx(),
    );
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).to.deep.equal(['Supply', 'Return', 'Compressor']);
    // The lane is a strip on a second grid under the temperatures, sharing their time range.
    expect([series[2]!.xAxisIndex, series[2]!.yAxisIndex]).to.deep.equal([1, 1]);
    // One filled step path per lane, rising at the interval start and falling at its end.
    expect(series[2]!.markArea).to.equal(undefined);
    expect(series[2]!.step).to.equal('end');
    expect(xyPairs(series[2]!.data)).to.deep.equal([
      [T0, 1],
      [T0 + HOUR, 1 / 9],
    ]);
    expect((series[2]!.areaStyle as { origin: number }).origin).to.equal(1 / 9);
    expect((series[2]!.tooltip as { show: boolean }).show).to.equal(false);
    const slider = (option.dataZoom as Array<{ type: string; showDataShadow?: boolean }>)[1]!;
    expect(slider.showDataShadow).to.equal(false);
    expect((option.grid as unknown[]).length).to.equal(2);
    const zoom = option.dataZoom as Array<{ xAxisIndex: number | number[] }>;
    expect(zoom.every((z) => JSON.stringify(z.xAxisIndex) === '[0,1]')).to.equal(true);
    expect((option.legend as { selected: Record<string, boolean> }).selected).to.deep.equal({
      Supply: true,
      Return: false,
    });
    expect((option.dataZoom as Array<{ type: string }>).map((z) => z.type)).to.deep.equal([
      'inside',
      'slider',
    ]);
  });
});

describe('laneSteps', () => {
  it('rises to the top at each interval start and falls to the base at its end', async () => {
    const { laneSteps } = await import('../../../cards/options/lanes.js');
    expect(
      xyPairs(
        laneSteps(
          [
            [10, 20],
            [30, 45],
          ],
          { base: 1.1, top: 2 },
        ).data,
      ),
    ).to.deep.equal([
      [10, 2],
      [20, 1.1],
      [30, 2],
      [45, 1.1],
    ]);
    expect(xyPairs(laneSteps([], { base: 0, top: 1 }).data)).to.deep.equal([]);
  });
});

describe('holdPoints', () => {
  it('repeats each value at the next change so holds before a gap stay visible', async () => {
    const { holdPoints } = await import('../../../cards/options/lanes.js');
    const points = [
      { t: 0, v: 5 },
      { t: 10, v: null },
      { t: 20, v: 4.5 },
      { t: 30, v: 3 },
    ];
    expect(holdPoints(points, 40)).to.deep.equal([
      { t: 0, v: 5 },
      { t: 10, v: 5 },
      { t: 10, v: null },
      { t: 20, v: 4.5 },
      { t: 30, v: 4.5 },
      { t: 30, v: 3 },
      { t: 40, v: 3 },
    ]);
  });
});

describe('legendRows', () => {
  it('wraps the legend to the chart width, and the temperature grid moves down with it', async () => {
    const { legendRows } = await import('../../../cards/options/common.js');
    const names = ['Outdoor', 'Indoor', 'Supply', 'Return', 'Hot water', 'Brine in', 'Brine out'];
    expect(legendRows(names, 900)).to.equal(1);
    expect(legendRows(names, 400)).to.equal(2);
    const option = buildTemperatureOption(
      { series: names.map((name) => ({ name, points: [] })), lanes: [] },
      { ...ctx(), width: 400 },
    );
    expect((option.grid as Array<{ top: number }>)[0]!.top).to.equal(26 + 2 * 22);
  });
});
