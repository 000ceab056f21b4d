import { expect } from '@esm-bundle/chai';
import type { HpChart } from '../../../cards/chart/hp-chart.js';
import { fakeHass, loadRecording, until, withState } from '../fake-hass.js';
import { create, linePoints, mountChart, seriesOf, text } from './mount.js';

function configError(tag: string, config: unknown): string {
  const card = document.createElement(tag) as HTMLElement & { setConfig(c: unknown): void };
  try {
    card.setConfig(config);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('setConfig accepted a bad config');
}

describe('card behaviour', () => {
  afterEach(() => document.body.replaceChildren());

  it('setConfig throws readable messages naming the key', () => {
    expect(configError('heatpump-cop-card', { range: '24h' })).to.equal(
      'heatpump-cop-card: type is required',
    );
    expect(
      configError('heatpump-power-card', {
        type: 'custom:heatpump-power-card',
        entities: { flow: 'sensor.x' },
      }),
    ).to.equal(
      'heatpump-power-card: entities.flow is not a known role (this card uses: electrical_power, heat_power, aux_heater_power, aux_heater, supply_temp, return_temp, compressor)',
    );
    expect(configError('heatpump-valve-card', { type: 'custom:heatpump-valve-card', range: '2d' })).to.equal(
      'heatpump-valve-card: range must be one of 1h, 6h, 24h, 7d, 30d, 1y (got "2d")',
    );
    expect(configError('heatpump-temperature-card', { type: 'x', hidden: ['flow'] })).to.match(
      /^heatpump-temperature-card: hidden\.0 /,
    );
  });

  it('names missing and unavailable entities in the card and still draws the rest', async () => {
    const recording = await loadRecording();
    let hass = fakeHass(recording);
    hass = withState(hass, 'sensor.heatpump_indoor_temp', 'unavailable');
    const card = await mountChart(
      'heatpump-temperature-card',
      { entities: { brine_in_temp: 'sensor.nibe_bt10' } },
      hass,
    );
    expect(text(card)).to.contain('Entity not found: sensor.nibe_bt10');
    expect(text(card)).to.contain('Unavailable: sensor.heatpump_indoor_temp');
    expect(seriesOf(card).map((s) => s.name)).to.not.include('Brine in');
  });

  it('shows a message instead of a blank card when no entity exists', async () => {
    const hass = fakeHass(await loadRecording(), { states: {} });
    const card = create('heatpump-cop-card', {}, hass);
    await card.updateComplete;
    expect(text(card)).to.contain('Entity not found: sensor.heatpump_heat_energy_total');
    expect(card.shadowRoot!.querySelector('hp-chart')).to.equal(null);
  });

  it('shows the reason when loading fails', async () => {
    const card = create(
      'heatpump-valve-card',
      {},
      fakeHass(await loadRecording(), { failWith: 'Recorder is not running' }),
    );
    await until(() => text(card).includes('Could not load data'));
    expect(text(card)).to.contain('Could not load data: Recorder is not running');
  });

  it('follows the dark mode of HA by re-creating the chart', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mountChart('heatpump-valve-card', {}, hass);
    const light = card.chart!;
    expect(Boolean(light.getOption().darkMode)).to.equal(false);
    card.hass = { ...hass, themes: { darkMode: true } };
    await until(() => card.chart !== undefined && card.chart !== light);
    const host = card.shadowRoot!.querySelector<HpChart>('hp-chart')!;
    expect(host.darkMode).to.equal(true);
    expect(light.isDisposed()).to.equal(true);
    expect(card.chart!.getOption().darkMode).to.equal(true);
    expect(hass.calls).to.have.length(1);
  });

  it('shares the range between cards of a view, unless a card opts out', async () => {
    const hass = fakeHass(await loadRecording());
    const a = await mountChart('heatpump-temperature-card', {}, hass);
    const b = await mountChart('heatpump-power-card', {}, hass);
    const own = await mountChart('heatpump-valve-card', { sync_range: false }, hass);
    expect(hass.calls).to.have.length(3);
    a.shadowRoot!.querySelector<HTMLButtonElement>('button[data-range="7d"]')!.click();
    await until(() => hass.calls.length === 5);
    const starts = hass.calls
      .slice(3)
      .map((c) => Date.parse((c as unknown as { start_time: string }).start_time));
    const ends = hass.calls.slice(3).map((c) => Date.parse((c as unknown as { end_time: string }).end_time));
    expect(ends[0]! - starts[0]!).to.equal(7 * 24 * 3_600_000);
    expect(ends[1]! - starts[1]!).to.equal(7 * 24 * 3_600_000);
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('button[data-range="7d"]')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    expect(own.shadowRoot!.querySelector('button[data-range="24h"]')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    // Put the shared range back for the other tests.
    a.shadowRoot!.querySelector<HTMLButtonElement>('button[data-range="24h"]')!.click();
  });

  it('uses hourly statistics for 30 days, and history only for on/off roles', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mountChart('heatpump-cop-card', { range: '30d', sync_range: false }, hass);
    const types = hass.calls
      .map(
        (c) => `${c.type}${(c as { period?: string }).period ? `:${(c as { period?: string }).period}` : ''}`,
      )
      .sort();
    expect(types).to.deep.equal(['history/history_during_period', 'recorder/statistics_during_period:hour']);
    const history = hass.calls.find((c) => c.type.startsWith('history/')) as unknown as {
      entity_ids: string[];
    };
    expect(history.entity_ids).to.deep.equal(['binary_sensor.heatpump_compressor_running']);
    const [cop, range] = seriesOf(card);
    expect(linePoints(cop!)).to.have.length(30);
    const markLine = (range as unknown as { markLine: { data: Array<{ yAxis: number }> } }).markLine;
    expect(markLine.data[0]!.yAxis).to.be.within(1.5, 4);
  });

  it('down-samples dense series to the pixel width but keeps min and max', async () => {
    const hass = fakeHass(await loadRecording());
    const card = document.createElement('heatpump-temperature-card') as HTMLElement & {
      setConfig(c: unknown): void;
      hass: unknown;
    };
    card.style.width = '150px';
    card.style.display = 'block';
    card.setConfig({ type: 'custom:heatpump-temperature-card' });
    card.hass = hass;
    document.body.append(card);
    const typed = card as unknown as Parameters<typeof seriesOf>[0];
    await until(() => ((typed.chart?.getOption().series as unknown[]) ?? []).length > 0);
    const raw = (await loadRecording()).calls[0]!.result['sensor.heatpump_hot_water_temp']!.map((r) =>
      Number(r.s),
    );
    const drawn = linePoints(seriesOf(typed)[4]!).map(([, v]) => v as number);
    expect(drawn.length).to.be.lessThan(raw.length / 2);
    expect(drawn.length).to.be.at.most(2 * 150 + 2);
    expect(Math.max(...drawn)).to.equal(Math.max(...raw));
    expect(Math.min(...drawn)).to.equal(Math.min(...raw));
  });

  it('releases its chart and live subscription when removed, over repeated create/remove', async () => {
    const hass = fakeHass(await loadRecording());
    const disposed: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      const card = await mountChart('heatpump-valve-card', { sync_range: false }, hass);
      const chart = card.chart!;
      card.remove();
      disposed.push(chart.isDisposed());
    }
    expect(disposed.every(Boolean)).to.equal(true);
    expect(document.body.children).to.have.length(0);
  });
});
