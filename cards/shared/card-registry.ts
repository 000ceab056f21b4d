/** Entries of HA's card picker (frontend src/data/lovelace_custom_cards.ts). */
export interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

const DOCS = 'https://github.com/heatpump-insight/heatpump-insight#cards';

/** Defines the element (once) and lists it in the picker (once), so double-loading is harmless. */
export function registerCard(entry: {
  tag: string;
  name: string;
  description: string;
  element: CustomElementConstructor;
}): void {
  if (!customElements.get(entry.tag)) customElements.define(entry.tag, entry.element);
  window.customCards ??= [];
  if (!window.customCards.some((c) => c.type === entry.tag)) {
    window.customCards.push({
      type: entry.tag,
      name: entry.name,
      description: entry.description,
      preview: true,
      documentationURL: DOCS,
    });
  }
}
