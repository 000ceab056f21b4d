import { expect } from '@esm-bundle/chai';
import { fakeHass, loadRecording } from '../fake-hass.js';
import { linePoints, mountChart, seriesOf, text } from './mount.js';

// Answers recorded from the real Home Assistant of test/harness (record-ha-fixtures.ts): the cards
// must read HA's exact wire format, not only our synthetic copy of it.
describe('cards on answers recorded from a real Home Assistant', () => {
  afterEach(() => document.body.replaceChildren());

  it('reads history rows (lu in epoch seconds with microseconds) into the temperature chart', async () => {
    const recording = await loadRecording('ha-recorded.json');
    const hass = fakeHass(recording);
    const card = await mountChart('heatpump-temperature-card', { range: '1h', sync_range: false }, hass);
    const outdoor = seriesOf(card).find((s) => s.name === 'Outdoor')!;
    expect(linePoints(outdoor).map(([, v]) => v)).to.deep.equal([20, 20.5, 21, 21.5]);
    const [first, second] = linePoints(outdoor);
    const rows = recording.calls[0]!.result['sensor.heatpump_outdoor_temp']!;
    expect(second![0] - first![0]).to.equal(
      Math.round((rows[1]!.lu as number) * 1000) - Math.round((rows[0]!.lu as number) * 1000),
    );
  });

  it('computes the 30-day COP from recorded hourly statistics sums (heat 3 kWh per 1 kWh each hour)', async () => {
    const hass = fakeHass(await loadRecording('ha-recorded.json'));
    const card = await mountChart('heatpump-cop-card', { range: '30d', sync_range: false }, hass);
    const [cop, range] = seriesOf(card) as unknown as Array<{
      markLine: { data: Array<{ yAxis: number }> };
      data: unknown;
    }>;
    expect(range!.markLine.data[0]!.yAxis).to.be.closeTo(3, 1e-9);
    expect(
      linePoints(cop!)
        .filter(([, v]) => v !== null)
        .every(([, v]) => Math.abs(v! - 3) < 1e-9),
    ).to.equal(true);
    expect(text(card)).to.not.contain('Entity not found');
  });
});
