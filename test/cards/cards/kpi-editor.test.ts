import { expect } from '@esm-bundle/chai';
import type { HeatpumpKpiCard } from '../../../cards/kpi/kpi-card.js';
import type { HeatpumpCardEditor } from '../../../cards/shared/card-editor.js';
import { fakeHass, loadRecording, until, withState } from '../fake-hass.js';
import './mount.js';

async function mountKpi(hass: ReturnType<typeof fakeHass>): Promise<HeatpumpKpiCard> {
  const card = document.createElement('heatpump-kpi-card') as HeatpumpKpiCard;
  card.setConfig({ type: 'custom:heatpump-kpi-card' });
  card.hass = hass;
  document.body.append(card);
  await until(
    () =>
      hass.calls.length === 1 &&
      card.shadowRoot!.querySelectorAll('.tile').length === 7 &&
      !card.shadowRoot!.textContent!.includes('Loading'),
  );
  return card;
}

describe('heatpump-kpi-card', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows published COP entities, computed figures from the core and the alarm state', async () => {
    const card = await mountKpi(fakeHass(await loadRecording()));
    const tiles = Object.fromEntries(card.tiles().map((t) => [t.key, t]));
    expect(tiles.cop_now!.value).to.equal('3.30');
    expect(tiles.cop_today!.value).to.equal('3.05');
    expect(tiles.cop_range!.status).to.not.equal('unavailable');
    expect(Number(tiles.cop_range!.value)).to.be.within(1.5, 4);
    expect(tiles.runtime_today!.value).to.match(/^\d+\.\d h$/);
    expect(tiles.energy_in!.value).to.match(/^\d+\.\d kWh$/);
    expect(tiles.alarm!.value).to.equal('No alarm');
    expect(card.shadowRoot!.querySelectorAll('.tile')).to.have.length(7);
  });

  it('turns the alarm tile red with the alarm text when the alarm goes on, without refetching', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mountKpi(hass);
    const on = withState(hass, 'binary_sensor.heatpump_alarm', 'on');
    on.states['binary_sensor.heatpump_alarm'] = {
      ...on.states['binary_sensor.heatpump_alarm']!,
      attributes: { alarm_text: 'High pressure <b>' },
    };
    card.hass = on;
    await until(() => card.shadowRoot!.querySelector('.tile.alert') !== null);
    expect(card.shadowRoot!.querySelector('.tile.alert .value')!.textContent).to.equal('High pressure <b>');
    expect(card.shadowRoot!.querySelector('.tile.alert b')).to.equal(null);
    expect(hass.calls).to.have.length(1);
  });

  it('opens the more-info dialog of the tile entity on tap', async () => {
    const card = await mountKpi(fakeHass(await loadRecording()));
    let opened: string | undefined;
    window.addEventListener(
      'hass-more-info',
      (e) => (opened = (e as CustomEvent<{ entityId: string }>).detail.entityId),
      { once: true },
    );
    card.shadowRoot!.querySelector<HTMLButtonElement>('.tile[data-key="cop_now"]')!.click();
    expect(opened).to.equal('sensor.heatpump_cop_now');
  });
});

describe('card editor', () => {
  afterEach(() => document.body.replaceChildren());

  it('round-trips a form edit into config-changed, and holds back an invalid one', async () => {
    const cls = customElements.get('heatpump-cop-card') as unknown as {
      getConfigElement(): HeatpumpCardEditor;
    };
    const editor = cls.getConfigElement();
    editor.setConfig({ type: 'custom:heatpump-cop-card', range: '24h' });
    document.body.append(editor);
    await editor.updateComplete;
    const form = editor.shadowRoot!.querySelector('ha-form') as HTMLElement & {
      schema: unknown[];
      data: unknown;
    };
    expect(form.schema.length).to.be.greaterThan(3);
    const changes: unknown[] = [];
    editor.addEventListener('config-changed', (e) =>
      changes.push((e as CustomEvent<{ config: unknown }>).detail.config),
    );
    form.dispatchEvent(
      new CustomEvent('value-changed', {
        detail: {
          value: {
            range: '7d',
            title: '',
            show_outdoor: false,
            entities: { heat_energy: 'sensor.nibe_heat_meter', outdoor_temp: '' },
          },
        },
      }),
    );
    expect(changes).to.deep.equal([
      {
        type: 'custom:heatpump-cop-card',
        range: '7d',
        show_outdoor: false,
        entities: { heat_energy: 'sensor.nibe_heat_meter' },
      },
    ]);
    form.dispatchEvent(new CustomEvent('value-changed', { detail: { value: { range: 'forever' } } }));
    await editor.updateComplete;
    expect(changes).to.have.length(1);
    expect(editor.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
      'range must be one of',
    );
    // The accepted config is valid for the card itself.
    const card = document.createElement('heatpump-cop-card') as HTMLElement & { setConfig(c: unknown): void };
    expect(() => card.setConfig(changes[0])).to.not.throw();
  });
});
