import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { fill } from '../i18n/index.js';
import type { Texts } from '../i18n/index.js';
import type { EntityStatus } from './entity-status.js';
import { RANGES } from './time-range.js';
import type { RangeKey } from './time-range.js';

/** The card header every heat-pump card shares: its title and the range buttons. */
export function cardHeader(
  title: string,
  range: RangeKey,
  labels: Texts['range'],
  onSelect: (range: RangeKey) => void,
): TemplateResult {
  return html`<div class="header">
    <div class="title">${title}</div>
    <div class="ranges" role="group">
      ${RANGES.map(
        (r) =>
          html`<button
            type="button"
            data-range=${r}
            aria-pressed=${r === range ? 'true' : 'false'}
            @click=${() => onSelect(r)}
          >
            ${labels[r]}
          </button>`,
      )}
    </div>
  </div>`;
}

/** What the message lines under the header depend on. */
export interface MessageState {
  status: EntityStatus;
  texts: Texts;
  loadError: string | undefined;
  loading: boolean;
  /** A load has finished at least once (the loading line shows only before the first). */
  loaded: boolean;
}

/**
 * Missing and unavailable entities (warnings), a failed load (error) and the first load. With no
 * entity available at all the warnings are the card's whole content, so they lose the warning style.
 */
export function cardMessages(s: MessageState): TemplateResult | typeof nothing {
  const t = s.texts.message;
  const lines: Array<{ text: string; kind: string }> = [];
  if (s.status.missing.length)
    lines.push({
      text: fill(t.missing_entities, { entities: s.status.missing.join(', ') }),
      kind: 'warning',
    });
  if (s.status.unavailable.length)
    lines.push({
      text: fill(t.unavailable_entities, { entities: s.status.unavailable.join(', ') }),
      kind: 'warning',
    });
  if (s.loadError) lines.push({ text: fill(t.load_failed, { error: s.loadError }), kind: 'error' });
  else if (s.loading && !s.loaded) lines.push({ text: t.loading, kind: '' });
  if (s.status.available.length === 0)
    for (const line of lines) line.kind = line.kind === 'warning' ? '' : line.kind;
  if (!lines.length) return nothing;
  return html`${lines.map((l) => html`<div class="message ${l.kind}">${l.text}</div>`)}`;
}

/** A readable text of whatever a data source threw. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err)
    return String((err as { message: unknown }).message);
  return String(err);
}
