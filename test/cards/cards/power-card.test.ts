import { expect } from '@esm-bundle/chai';
import { fakeHass, loadRecording } from '../fake-hass.js';
import type { FakeHass } from '../fake-hass.js';
import { linePoints, mountChart, seriesOf, text } from './mount.js';

const HEAT = 'sensor.heatpump_heat_power';

/** The recorded pump without its heat meter, as most pumps without one look in HA. */
async function withoutHeatMeter(language = 'en'): Promise<FakeHass> {
  const hass = fakeHass(await loadRecording(), { language });
  delete hass.states[HEAT];
  return hass;
}

type Line = { name: string; data: unknown; lineStyle?: { type?: string } };

describe('heatpump-power-card heat estimate', () => {
  afterEach(() => document.body.replaceChildren());

  it('draws the metered heat power when the entity exists, without loading the estimate roles', async () => {
    const hass = fakeHass(await loadRecording());
    const card = await mountChart('heatpump-power-card', { sync_range: false }, hass);
    expect(seriesOf(card).map((s) => s.name)).to.include('Heat power');
    const ids = (hass.calls[0] as unknown as { entity_ids: string[] }).entity_ids;
    expect(ids).to.include(HEAT);
    expect(ids).to.not.include('sensor.heatpump_supply_temp');
  });

  it('estimates heat with the flow factor, marked estimated, when there is no heat-power entity', async () => {
    const hass = await withoutHeatMeter();
    const card = await mountChart('heatpump-power-card', { sync_range: false }, hass);
    const ids = (hass.calls[0] as unknown as { entity_ids: string[] }).entity_ids;
    expect(ids).to.include.members([
      'sensor.heatpump_supply_temp',
      'sensor.heatpump_return_temp',
      'binary_sensor.heatpump_compressor_running',
    ]);
    expect(ids).to.not.include(HEAT);
    const heat = seriesOf(card).find((s) => s.name === 'Heat power (estimated)') as unknown as Line;
    expect(heat, 'estimated heat series').to.not.equal(undefined);
    expect(heat.lineStyle?.type).to.equal('dashed');
    const values = linePoints(heat)
      .map(([, v]) => v)
      .filter((v): v is number => v !== null);
    // 2.7 kW/K x a few kelvin while running, 0 kW while off: a heat pump's range, never negative.
    expect(Math.max(...values)).to.be.within(3, 30);
    expect(Math.min(...values)).to.equal(0);
    expect(text(card)).to.contain(
      'estimated: flow factor 2.7 kW/K x (supply - return) while the compressor runs',
    );
    // A missing default heat meter is normal, not an error to report.
    expect(text(card)).to.not.contain('Entity not found');
  });

  it('explains in the user language why heat power is unknown without meter and temperatures', async () => {
    const hass = await withoutHeatMeter('sv');
    const card = await mountChart(
      'heatpump-power-card',
      { sync_range: false, entities: { return_temp: 'sensor.no_return' } },
      hass,
    );
    expect(seriesOf(card).map((s) => s.name)).to.not.include('Värmeeffekt (uppskattad)');
    expect(text(card)).to.contain('Entiteten finns inte: sensor.no_return');
    expect(text(card)).to.contain(
      'Värmeeffekten är okänd: ingen värmesignal: behöver heat_energy, heat_power eller return_temp för uppskattningen med flödesfaktor',
    );
  });

  it('reports a configured heat-power entity that does not exist', async () => {
    const hass = await withoutHeatMeter();
    const card = await mountChart(
      'heatpump-power-card',
      { sync_range: false, entities: { heat_power: 'sensor.my_heat_meter' } },
      hass,
    );
    expect(text(card)).to.contain('Entity not found: sensor.my_heat_meter');
    expect(seriesOf(card).map((s) => s.name)).to.include('Heat power (estimated)');
  });
});
