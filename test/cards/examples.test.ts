import { expect } from '@esm-bundle/chai';
import { parse, parseAllDocuments } from 'yaml';
import './cards/mount.js';

type CardConfig = { type: string };

async function readText(path: string): Promise<string> {
  return (await fetch(new URL(`../../examples/lovelace/${path}`, import.meta.url))).text();
}

function accept(config: CardConfig): void {
  const tag = config.type.replace(/^custom:/, '');
  const card = document.createElement(tag) as HTMLElement & { setConfig(c: unknown): void };
  expect(customElements.get(tag), tag).to.not.equal(undefined);
  card.setConfig(config);
}

describe('examples/lovelace', () => {
  it('heatpump-view.yaml uses all 8 cards, each with a valid config', async () => {
    const view = parse(await readText('heatpump-view.yaml')) as { sections: Array<{ cards: CardConfig[] }> };
    const cards = view.sections.flatMap((s) => s.cards);
    expect(new Set(cards.map((c) => c.type)).size).to.equal(8);
    for (const card of cards) accept(card);
  });

  it('other-entities.yaml configs are valid', async () => {
    const docs = parseAllDocuments(await readText('other-entities.yaml')).map((d) => d.toJS() as CardConfig);
    expect(docs).to.have.length(3);
    for (const card of docs) accept(card);
  });
});
