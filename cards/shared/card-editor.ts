import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { HassLike } from '../data/hass-types.js';
import type { ConfigForm } from './config-form.js';

/**
 * Visual editor shared by all cards: HA's own `ha-form` drawn from the card's getConfigForm schema
 * (so it looks native and stays in step with the validator). Edits go back to HA as `config-changed`;
 * an invalid edit is shown as text and not sent.
 */
export class HeatpumpCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    config: { state: true },
    error: { state: true },
  };

  declare hass?: HassLike;
  private config: Record<string, unknown> = {};
  declare private error?: string;
  /** Set by the card's getConfigElement(). */
  form?: ConfigForm;

  setConfig(config: Record<string, unknown>): void {
    this.config = { ...config };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureHaForm();
  }

  override render(): TemplateResult {
    return html`<ha-form
        .hass=${this.hass}
        .data=${this.config}
        .schema=${this.form?.schema ?? []}
        .computeLabel=${this.form?.computeLabel}
        @value-changed=${this.onValueChanged}
      ></ha-form>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}`;
  }

  private onValueChanged(event: CustomEvent<{ value: Record<string, unknown> }>): void {
    event.stopPropagation();
    const next = dropEmpty({ ...event.detail.value, type: this.config.type });
    try {
      this.form?.assertConfig?.(next);
      this.error = undefined;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      return;
    }
    this.config = next;
    this.dispatchEvent(
      new CustomEvent('config-changed', { detail: { config: next }, bubbles: true, composed: true }),
    );
  }
}

interface CardHelpers {
  createCardElement(config: Record<string, unknown>): HTMLElement;
}

/**
 * HA loads ha-form lazily, with the editors of its own cards. Asking a built-in card for its editor
 * loads it (what other custom cards do); the <ha-form> already rendered then upgrades in place.
 */
async function ensureHaForm(): Promise<void> {
  if (customElements.get('ha-form')) return;
  const load = (window as Window & { loadCardHelpers?: () => Promise<CardHelpers> }).loadCardHelpers;
  if (!load) return; // outside HA (tests, standalone dashboard)
  const card = (await load()).createCardElement({ type: 'entities', entities: [] });
  const ctor = card.constructor as { getConfigElement?: () => Promise<unknown> };
  await ctor.getConfigElement?.();
}

/** ha-form leaves cleared fields as "" or {}; the card's defaults apply when a key is absent. */
function dropEmpty(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === '' || value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = dropEmpty(value as Record<string, unknown>);
      if (Object.keys(inner).length) out[key] = inner;
      continue;
    }
    out[key] = value;
  }
  return out;
}

export const EDITOR_TAG = 'heatpump-card-editor';
if (!customElements.get(EDITOR_TAG)) customElements.define(EDITOR_TAG, HeatpumpCardEditor);

declare global {
  interface HTMLElementTagNameMap {
    'heatpump-card-editor': HeatpumpCardEditor;
  }
}
