import { expect } from '@esm-bundle/chai';
import '../../../cards/chart/hp-chart.js';
import type { HpChart } from '../../../cards/chart/hp-chart.js';

async function mount(): Promise<HpChart> {
  const el = document.createElement('hp-chart');
  el.style.width = '400px';
  el.option = {
    xAxis: { type: 'time' },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'line',
        name: 'supply',
        data: [
          [0, 30.5],
          [60_000, 31],
          [120_000, 32.25],
        ],
      },
    ],
  };
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('hp-chart (real Chromium)', () => {
  afterEach(() => document.body.replaceChildren());

  it('draws an ECharts line chart into a canvas in its shadow root', async () => {
    const el = await mount();
    const canvas = el.shadowRoot!.querySelector('canvas');
    expect(canvas).to.not.equal(null);
    expect(canvas!.width).to.be.greaterThan(0);
    const series = el.chart!.getOption().series as Array<{ type: string; data: unknown[] }>;
    expect(series).to.have.length(1);
    expect(series[0]!.type).to.equal('line');
    expect(series[0]!.data).to.deep.equal([
      [0, 30.5],
      [60_000, 31],
      [120_000, 32.25],
    ]);
  });

  it('replaces series rather than merging stale ones', async () => {
    const el = await mount();
    el.option = {
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: 'return', data: [[0, 25]] }],
    };
    await el.updateComplete;
    const series = el.chart!.getOption().series as Array<{ name: string }>;
    expect(series.map((s) => s.name)).to.deep.equal(['return']);
  });

  it('hands ECharts each option once: the first render does not set it twice', async () => {
    const el = await mount();
    const chart = el.chart!;
    let calls = 0;
    const setOption = chart.setOption.bind(chart);
    chart.setOption = ((...args: Parameters<typeof setOption>) => {
      calls += 1;
      return setOption(...args);
    }) as typeof chart.setOption;
    // The instance was created (and the first option set) before the spy: count a new option.
    el.option = { ...el.option!, series: [{ type: 'line', name: 'return', data: [[0, 25]] }] };
    await el.updateComplete;
    expect(calls).to.equal(1);
    // A re-render with no new option sets nothing.
    el.requestUpdate();
    await el.updateComplete;
    expect(calls).to.equal(1);
  });

  it('the first render creates the chart with the option already set, exactly once', async () => {
    const el = document.createElement('hp-chart');
    el.style.width = '400px';
    el.option = {
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: [{ type: 'line', data: [[0, 1]] }],
    };
    const seen: string[] = [];
    const proto = Object.getPrototypeOf(el) as { applyOption: (...a: unknown[]) => void };
    const original = proto.applyOption;
    proto.applyOption = function (this: unknown, ...a: unknown[]) {
      seen.push(a[0] === true ? 'full' : 'merge');
      return original.apply(this, a);
    };
    try {
      document.body.append(el);
      await el.updateComplete;
    } finally {
      proto.applyOption = original;
    }
    expect(seen).to.deep.equal(['full']);
    expect((el.chart!.getOption().series as unknown[]).length).to.equal(1);
  });

  it('disposes the chart on removal and re-creates it on re-attach', async () => {
    const el = await mount();
    const first = el.chart!;
    el.remove();
    expect(first.isDisposed()).to.equal(true);
    expect(el.chart).to.equal(undefined);
    document.body.append(el);
    await el.updateComplete;
    expect(el.chart).to.not.equal(undefined);
    expect(el.chart).to.not.equal(first);
    expect(Boolean(el.chart!.isDisposed())).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('canvas')).to.have.length(1);
  });

  it('draws axes and legend in the colours of the HA theme', async () => {
    document.body.style.setProperty('--secondary-text-color', 'rgb(1, 2, 3)');
    document.body.style.setProperty('--divider-color', 'rgb(4, 5, 6)');
    try {
      const el = await mount();
      const option = el.chart!.getOption() as {
        xAxis: Array<{ axisLabel: { color: string }; axisLine: { lineStyle: { color: string } } }>;
        legend: Array<{ textStyle: { color: string } }>;
      };
      expect(option.xAxis[0]!.axisLabel.color).to.equal('rgb(1, 2, 3)');
      expect(option.xAxis[0]!.axisLine.lineStyle.color).to.equal('rgb(4, 5, 6)');
      expect(option.legend[0]!.textStyle.color).to.equal('rgb(1, 2, 3)');
    } finally {
      document.body.style.removeProperty('--secondary-text-color');
      document.body.style.removeProperty('--divider-color');
    }
  });
});
