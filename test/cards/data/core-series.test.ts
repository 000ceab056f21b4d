import { expect } from '@esm-bundle/chai';
import { toCoreSeries } from '../../../cards/data/core-series.js';
import type { TimedSample } from '../../../cards/data/data-source.js';

const at = (pairs: Array<[number, number]>): TimedSample[] => pairs.map(([t, v]) => ({ t, v }));

describe('toCoreSeries', () => {
  it('hands an ordered, finite list in the canonical unit to the core as it is (no copy)', () => {
    const supply = at([
      [1000, 35],
      [2000, 36],
    ]);
    const out = toCoreSeries({ supply_temp: supply, hot_water_mode: at([[1000, 1]]) });
    expect(out.supply_temp).to.equal(supply);
    expect(out.valve).to.deep.equal([{ t: 1000, v: 1 }]);
  });

  it('converts units and leaves out unavailable (NaN) and infinite values', () => {
    const out = toCoreSeries(
      {
        electrical_power: at([
          [1000, 1.5],
          [2000, Number.NaN],
          [3000, Infinity],
          [4000, 2],
        ]),
        aux_heater_power: at([[1000, 3000]]),
      },
      { units: { electrical_power: 'kW', aux_heater_power: 'W' } },
    );
    expect(out.electrical_power).to.deep.equal([
      { t: 1000, v: 1500 },
      { t: 4000, v: 2000 },
    ]);
    expect(out.aux_heater).to.deep.equal([{ t: 1000, v: 3 }]);
  });

  it('sorts out-of-order samples and drops repeated timestamps through the core cleaner', () => {
    const out = toCoreSeries({
      outdoor_temp: at([
        [3000, 3],
        [1000, 1],
        [2000, 2],
        [2000, 9],
        [4000, Number.NaN],
      ]),
    });
    expect(out.outdoor_temp).to.deep.equal([
      { t: 1000, v: 1 },
      { t: 2000, v: 2 },
      { t: 3000, v: 3 },
    ]);
  });
});
