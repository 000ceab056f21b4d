import { expect } from '@esm-bundle/chai';
import { en } from '../../../cards/i18n/en.js';
import { textsFor } from '../../../cards/i18n/index.js';
import { reasonText, translateNote } from '../../../cards/i18n/reasons.js';
import {
  buildLedger,
  energyFlowFromLedger,
  periodCop,
  resolveMetricOptions,
  runtimeShares,
} from '../../../src/metrics/index.js';
import type { Figure, SeriesByRole } from '../../../src/model/index.js';

const HOUR = 3_600_000;
const from = Date.UTC(2026, 0, 10);
const to = from + 2 * HOUR;

/** Two hours of 5-minute samples: compressor on in the first hour, ΔT 5 K, 2 kW electricity. */
function pump(): SeriesByRole {
  const at = Array.from({ length: 25 }, (_, i) => from + i * 5 * 60_000);
  return {
    compressor: at.map((t) => ({ t, v: t < from + HOUR ? 1 : 0 })),
    supply_temp: at.map((t) => ({ t, v: 40 })),
    return_temp: at.map((t) => ({ t, v: 35 })),
    electrical_power: at.map((t) => ({ t, v: t < from + HOUR ? 2000 : 20 })),
  };
}

function textOf(figure: Figure<unknown>): { reason?: string; basis?: string; code?: string } {
  return figure.status === 'measured' ? {} : figure;
}

const sv = textsFor('sv');
const de = textsFor('de');

describe('core reasons in the card languages', () => {
  it('translates what the core says, keeping the signal names it lists', () => {
    const missing = textOf(
      periodCop({ electrical_power: pump().electrical_power }, { from, to }).includingStandby,
    );
    expect(missing.reason).to.equal(
      'no heat signal: needs heat_energy, heat_power, or supply_temp, return_temp, compressor for the flow-factor estimate',
    );
    expect(reasonText(missing, sv)).to.equal(
      'ingen värmesignal: behöver heat_energy, heat_power eller supply_temp, return_temp, compressor för uppskattningen med flödesfaktor',
    );
    expect(reasonText(missing, de)).to.match(
      /^kein Wärmesignal: braucht .*supply_temp, return_temp, compressor/,
    );
    expect(reasonText(missing, en)).to.equal(missing.reason);
  });

  it('translates every note of an estimate, numbers included', () => {
    const cop = textOf(periodCop(pump(), { from, to }).includingStandby);
    expect(cop.basis).to.equal(
      'flow factor 2.7 kW/K x (supply - return) while the compressor runs; no aux heater signal: aux heat not counted',
    );
    expect(reasonText(cop, sv)).to.equal(
      'flödesfaktor 2.7 kW/K × (framledning − retur) medan kompressorn går; ingen signal för tillsatsen: tillsatsens värme är inte medräknad',
    );
    expect(reasonText(cop, de)).to.equal(
      'Durchflussfaktor 2.7 kW/K × (Vorlauf − Rücklauf) bei laufendem Verdichter; kein Signal der Zusatzheizung: ihre Wärme ist nicht enthalten',
    );
  });

  it('translates runtime and energy-flow reasons of the core', () => {
    const series = pump();
    const runtime = runtimeShares({ supply_temp: series.supply_temp }, { from, to });
    expect(reasonText(textOf(runtime.compressorHeatingPct), sv)).to.equal('inget kompressorläge i perioden');
    const heating = textOf(runtimeShares(series, { from, to }).compressorHeatingPct);
    expect(reasonText(heating, de)).to.contain(
      'kein Ventilsignal: gesamte Verdichterzeit als Heizen gezählt',
    );
    const ledger = buildLedger(
      { supply_temp: series.supply_temp },
      { range: { from, to }, options: resolveMetricOptions() },
    );
    const flow = textOf(energyFlowFromLedger(ledger));
    expect(reasonText(flow, sv)).to.match(/^ingen värmesignal: behöver/);
  });

  it('falls back to the code, then to English, for wordings it does not know', () => {
    expect(translateNote('no heat signal at all today', sv, 'no_heat_signal')).to.equal('ingen värmesignal');
    expect(translateNote('flow factor changed its wording', sv, 'flow_factor')).to.equal(
      'flow factor changed its wording',
    );
    expect(translateNote('something new', de)).to.equal('something new');
  });

  it('has a template for every code the cards can show, with the same placeholders in each language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [key, template] of Object.entries(en.reason)) {
      for (const table of [sv, de])
        expect(placeholders(table.reason[key as keyof typeof en.reason]), key).to.equal(
          placeholders(template),
        );
    }
  });
});
