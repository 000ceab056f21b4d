import { expect } from '@esm-bundle/chai';
import '../../../cards/temperature/temperature-card.js';
import type { HeatpumpTemperatureCard } from '../../../cards/temperature/temperature-card.js';
import { fakeHass, loadRecording, until, withState } from '../fake-hass.js';
import type { FakeHass } from '../fake-hass.js';

async function mount(config: Record<string, unknown>, hass: FakeHass): Promise<HeatpumpTemperatureCard> {
  const card = document.createElement('heatpump-temperature-card') as HeatpumpTemperatureCard;
  card.style.width = '600px';
  card.setConfig(config);
  card.hass = hass;
  document.body.append(card);
  await until(
    () => card.chart !== undefined && ((card.chart.getOption().series as unknown[]) ?? []).length > 0,
  );
  return card;
}

function seriesNames(card: HeatpumpTemperatureCard): string[] {
  return (card.chart!.getOption().series as Array<{ name: string }>).map((s) => s.name);
}

describe('heatpump-temperature-card', () => {
  afterEach(() => document.body.replaceChildren());

  it('draws 7 temperatures and 3 state lanes from recorded history into a canvas', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mount({ type: 'custom:heatpump-temperature-card' }, hass);
    expect(card.shadowRoot!.querySelector('hp-chart')!.shadowRoot!.querySelector('canvas')).to.not.equal(
      null,
    );
    expect(seriesNames(card)).to.deep.equal([
      'Outdoor',
      'Indoor',
      'Supply',
      'Return',
      'Hot water',
      'Brine in',
      'Brine out',
      'Compressor',
      'Hot water mode',
      'Aux heater',
    ]);
    expect(hass.calls).to.have.length(1);
    expect(hass.calls[0]!.type).to.equal('history/history_during_period');
    const series = card.chart!.getOption().series as Array<{
      data: Array<[number, number]>;
      markArea?: { data: unknown[] };
    }>;
    // 721 two-minute rows: below twice the pixel width, so nothing is dropped.
    expect(series[2]!.data.length).to.equal(721);
    expect(series[7]!.markArea!.data.length).to.be.greaterThan(20);
  });

  it('renders in Swedish from the HA language', async () => {
    const card = await mount(
      { type: 'custom:heatpump-temperature-card', hidden: ['indoor_temp'] },
      fakeHass(await loadRecording(), { language: 'sv' }),
    );
    expect(seriesNames(card).slice(0, 3)).to.deep.equal(['Ute', 'Inne', 'Framledning']);
    expect(
      (card.chart!.getOption().legend as Array<{ selected: Record<string, boolean> }>)[0]!.selected.Inne,
    ).to.equal(false);
    expect(card.shadowRoot!.querySelector('.title')!.textContent).to.equal('Temperaturer');
  });

  it('appends a live state without refetching', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mount({ type: 'custom:heatpump-temperature-card' }, hass);
    const before = (card.chart!.getOption().series as Array<{ data: unknown[] }>)[2]!.data.length;
    card.hass = withState(hass, 'sensor.heatpump_supply_temp', '41.5', Date.now() + 60_000);
    await until(
      () => (card.chart!.getOption().series as Array<{ data: unknown[] }>)[2]!.data.length === before + 1,
    );
    const data = (card.chart!.getOption().series as Array<{ data: Array<[number, number]> }>)[2]!.data;
    expect(data[data.length - 1]![1]).to.equal(41.5);
    expect(hass.calls).to.have.length(1);
  });

  it('ignores hass updates that do not touch its entities', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mount({ type: 'custom:heatpump-temperature-card' }, hass);
    await card.updateComplete;
    const renders = card.renderCount;
    card.hass = {
      ...hass,
      states: {
        ...hass.states,
        'light.kitchen': { ...hass.states['sensor.heatpump_cop_now']!, entity_id: 'light.kitchen' },
      },
    } as FakeHass;
    await card.updateComplete;
    expect(card.renderCount).to.equal(renders);
    card.hass = withState(hass, 'sensor.heatpump_outdoor_temp', '-7');
    await card.updateComplete;
    expect(card.renderCount).to.equal(renders + 1);
  });
});
