import { expect } from '@esm-bundle/chai';
import '../../../cards/temperature/temperature-card.js';
import type { HeatpumpTemperatureCard } from '../../../cards/temperature/temperature-card.js';
import { fakeHass, loadRecording, until, withState } from '../fake-hass.js';
import type { FakeHass } from '../fake-hass.js';
import { linePoints } from './mount.js';

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
    const recording = await loadRecording();
    const hass = fakeHass(recording);
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
    const series = card.chart!.getOption().series as Array<{ data: unknown }>;
    // 721 two-minute rows, below twice the pixel width: nothing is down-sampled, only the middle
    // rows of runs of one value go (a flat line either way; see dropRepeats).
    const rows = recording.calls[0]!.result['sensor.heatpump_supply_temp']!.map((r) => Number(r.s));
    expect(rows).to.have.length(721);
    const ends = rows.filter(
      (v, i) => !(i > 0 && i < rows.length - 1 && rows[i - 1] === v && rows[i + 1] === v),
    );
    expect(ends.length).to.be.lessThan(721);
    expect(linePoints(series[2]!).map(([, v]) => v)).to.deep.equal(ends);
    // The compressor lane: two points (rise, fall) per on-interval, more than 10 runs in the day.
    expect(linePoints(series[7]!).length).to.be.greaterThan(20);
    expect(linePoints(series[7]!).length % 2).to.equal(0);
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
    const supply = () => linePoints((card.chart!.getOption().series as Array<{ data: unknown }>)[2]!);
    const before = supply().length;
    card.hass = withState(hass, 'sensor.heatpump_supply_temp', '41.5', Date.now() + 60_000);
    await until(() => supply().length === before + 1);
    const data = supply();
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
    // A minute after the loaded history ends (its last row is at the load time).
    card.hass = withState(hass, 'sensor.heatpump_outdoor_temp', '-7', Date.now() + 60_000);
    await card.updateComplete;
    // The new state is a live append: drawn at the next frame, exactly once.
    await until(() => card.renderCount === renders + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(card.renderCount).to.equal(renders + 1);
  });

  it('draws a burst of live states in one render and slides the window over them', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mount({ type: 'custom:heatpump-temperature-card' }, hass);
    await card.updateComplete;
    const renders = card.renderCount;
    const supplyData = () => linePoints((card.chart!.getOption().series as Array<{ data: unknown }>)[2]!);
    const before = supplyData();
    const xMax = () => (card.chart!.getOption().xAxis as Array<{ max: number }>)[0]!.max;
    const toBefore = xMax();
    // Ten states of three entities, as HA sends them in one burst, the newest 30 min after the end.
    let next: FakeHass = hass;
    const end = Date.now() + 30 * 60_000;
    for (let i = 0; i < 10; i++) {
      const id = [
        'sensor.heatpump_supply_temp',
        'sensor.heatpump_return_temp',
        'sensor.heatpump_outdoor_temp',
      ][i % 3]!;
      next = withState(next, id, String(40 + i), end - (9 - i) * 1000);
      card.hass = next;
      // One Lit update per state, as HA's separate state messages give.
      await card.updateComplete;
    }
    await until(() => card.renderCount > renders);
    await new Promise((r) => setTimeout(r, 300));
    expect(card.renderCount).to.equal(renders + 1);
    const after = supplyData();
    // Supply got 4 new states (i = 0, 3, 6, 9); 30 min of two-minute rows left the 24 h window.
    expect(after[after.length - 1]).to.deep.equal([end, 49]);
    expect(after.length).to.be.within(before.length + 4 - 16, before.length + 4 - 14);
    expect(xMax() - toBefore).to.be.within(30 * 60_000 - 5_000, 30 * 60_000 + 5_000);
    // The oldest point kept is the one whose value holds at the new window start.
    expect(after[0]![0]).to.be.at.most(xMax() - 24 * 3_600_000);
    expect(after[1]![0]).to.be.greaterThan(xMax() - 24 * 3_600_000);
  });
});
