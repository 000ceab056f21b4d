/**
 * The YAML-mode dashboard the end-to-end tests open: the example view of examples/lovelace/ as a
 * user pastes it (default device `heatpump`), plus the same view once per extra bridge device, with
 * `device: <slug>` added to every card (the documented way to show a second pump).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../../harness/process.js';

export const EXAMPLE_VIEW_FILE = join(REPO_ROOT, 'examples', 'lovelace', 'heatpump-view.yaml');

export interface CardConfig {
  type: string;
  [key: string]: unknown;
}

export interface ViewConfig {
  title?: string;
  path: string;
  type?: string;
  cards?: CardConfig[];
  sections?: Array<{ type: string; cards: CardConfig[] }>;
  [key: string]: unknown;
}

export function exampleView(): ViewConfig {
  return parse(readFileSync(EXAMPLE_VIEW_FILE, 'utf8')) as ViewConfig;
}

/** Every card of a view in document order (sections first to last, then top-level cards). */
export function viewCards(view: ViewConfig): CardConfig[] {
  return [...(view.sections ?? []).flatMap((s) => s.cards), ...(view.cards ?? [])];
}

/** `custom:heatpump-cop-card` -> `heatpump-cop-card`. */
export function cardTag(card: CardConfig): string {
  return card.type.replace(/^custom:/, '');
}

/** The example view for another bridge device: same cards, each with `device`. */
export function viewForDevice(view: ViewConfig, device: string, title: string): ViewConfig {
  const withDevice = (cards: CardConfig[]): CardConfig[] => cards.map((c) => ({ ...c, device }));
  return {
    ...view,
    title,
    path: `${view.path}-${device}`,
    ...(view.sections ? { sections: view.sections.map((s) => ({ ...s, cards: withDevice(s.cards) })) } : {}),
    ...(view.cards ? { cards: withDevice(view.cards) } : {}),
  };
}

/** ui-lovelace.yaml text. */
export function dashboardYaml(views: ViewConfig[]): string {
  return stringify({ title: 'Heat pump', views });
}

/** configuration.yaml lines for a YAML dashboard with the bundle as a module resource. */
export const LOVELACE_YAML_MODE = `
lovelace:
  mode: yaml
  resources:
    - url: /local/heatpump-cards.js
      type: module
`;
