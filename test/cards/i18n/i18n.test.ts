import { expect } from '@esm-bundle/chai';
import { de } from '../../../cards/i18n/de.js';
import { en } from '../../../cards/i18n/en.js';
import { fill, textsFor } from '../../../cards/i18n/index.js';
import { sv } from '../../../cards/i18n/sv.js';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n', () => {
  it('has the same keys in English, Swedish and German, none empty', () => {
    expect(keys(sv)).to.deep.equal(keys(en));
    expect(keys(de)).to.deep.equal(keys(en));
    for (const table of [en, sv, de]) {
      const leaves = keys(table).map((k) =>
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], table),
      );
      expect(leaves.every((v) => typeof v === 'string' && v.length > 0)).to.equal(true);
    }
  });

  it('picks the table from HA language codes and falls back to English', () => {
    expect(textsFor('sv').card.runtime).to.equal('Drifttid');
    expect(textsFor('de-CH').card.runtime).to.equal('Laufzeit');
    expect(textsFor('fr').card.runtime).to.equal('Runtime');
    expect(textsFor(undefined).card.runtime).to.equal('Runtime');
  });

  it('fills placeholders as plain text', () => {
    expect(fill(en.message.missing_entities, { entities: '<b>x</b>' })).to.equal(
      'Entity not found: <b>x</b>',
    );
  });
});
