import { expect } from '@esm-bundle/chai';
import { fakeHass, loadRecording } from '../fake-hass.js';
import { mountChart, seriesOf } from './mount.js';

const CHARTS: Array<{ tag: string; series: string[] }> = [
  { tag: 'heatpump-cop-card', series: ['COP', 'Range COP', 'Outdoor'] },
  { tag: 'heatpump-runtime-card', series: ['Runtime'] },
  {
    tag: 'heatpump-temperature-card',
    series: [
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
    ],
  },
  { tag: 'heatpump-performance-card', series: ['Supply − return', 'Brine in − out'] },
  { tag: 'heatpump-power-card', series: ['Electrical power', 'Heat power', 'Aux heater power'] },
  { tag: 'heatpump-valve-card', series: ['Valve', 'Compressor', 'Aux heater'] },
  { tag: 'heatpump-energy-flow-card', series: [''] },
];

type CardClass = CustomElementConstructor & {
  getStubConfig(): Record<string, unknown>;
  getConfigForm(): {
    schema: Array<{ name: string; schema?: Array<{ name: string }> }>;
    assertConfig(c: unknown): void;
  };
  getConfigElement(): HTMLElement;
};

describe('every card', () => {
  afterEach(() => document.body.replaceChildren());

  for (const { tag, series } of CHARTS) {
    it(`${tag} draws its chart into a canvas from recorded HA answers`, async () => {
      const hass = fakeHass(await loadRecording());
      const card = await mountChart(tag, {}, hass);
      expect(card.shadowRoot!.querySelector('hp-chart')!.shadowRoot!.querySelector('canvas')).to.not.equal(
        null,
      );
      expect(seriesOf(card).map((s) => s.name ?? '')).to.deep.equal(series);
      expect(hass.calls).to.have.length(1);
    });
  }

  const TAGS = [...CHARTS.map((c) => c.tag), 'heatpump-kpi-card'];

  it('registers all 8 cards in window.customCards once, with names', () => {
    const entries = (window.customCards ?? []).filter((c) => c.type.startsWith('heatpump-'));
    expect(entries.map((c) => c.type).sort()).to.deep.equal([...TAGS].sort());
    expect(entries.every((c) => c.name.length > 0 && c.preview === true)).to.equal(true);
  });

  for (const tag of TAGS) {
    it(`${tag} fulfils the Lovelace card contract`, () => {
      const cls = customElements.get(tag) as CardClass;
      const stub = cls.getStubConfig();
      expect(stub.type).to.equal(`custom:${tag}`);
      const card = new cls() as HTMLElement & {
        setConfig(c: unknown): void;
        getCardSize(): number;
        getGridOptions(): { columns: number; rows: number };
      };
      card.setConfig(stub);
      expect(card.getCardSize()).to.be.within(1, 10);
      const grid = card.getGridOptions();
      expect(grid.columns).to.be.within(3, 12);
      expect(grid.rows).to.be.within(2, 8);
      const form = cls.getConfigForm();
      const names = form.schema.flatMap((f) => (f.schema ? f.schema.map((s) => s.name) : [f.name]));
      expect(names).to.include.members(['title', 'range', 'sync_range', 'device']);
      expect(() => form.assertConfig({ ...stub, range: 'forever' })).to.throw(/range must be one of/);
      expect(cls.getConfigElement().tagName.toLowerCase()).to.equal('heatpump-card-editor');
    });
  }
});
