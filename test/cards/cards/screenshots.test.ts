import { expect } from '@esm-bundle/chai';
import { writeFile } from '@web/test-runner-commands';
import { fakeHass, loadRecording } from '../fake-hass.js';
import { mountChart } from './mount.js';

const CARDS = [
  'heatpump-cop-card',
  'heatpump-runtime-card',
  'heatpump-temperature-card',
  'heatpump-performance-card',
  'heatpump-power-card',
  'heatpump-valve-card',
  'heatpump-energy-flow-card',
];

// Chart images for the README, light theme, from the synthetic recording: test-results/screenshots/.
describe('card screenshots', () => {
  afterEach(() => document.body.replaceChildren());

  for (const tag of CARDS) {
    it(`${tag} renders a non-blank chart image`, async () => {
      const card = await mountChart(tag, { sync_range: false }, fakeHass(await loadRecording()));
      // Animation frames pause in a background page (WTR runs two at once): draw the final state now.
      const chart = card.chart!;
      const option = chart.getOption();
      chart.clear();
      chart.setOption({ ...option, animation: false });
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      const base64 = url.slice(url.indexOf(',') + 1);
      // A blank 600x240 PNG compresses to about 1-3 KB; a drawn chart is far larger.
      expect(url.startsWith('data:image/png;base64,')).to.equal(true);
      expect((base64.length * 3) / 4).to.be.greaterThan(10_000);
      await writeFile({
        path: `../../../test-results/screenshots/${tag}.png`,
        content: base64,
        encoding: 'base64',
      });
    });
  }
});
