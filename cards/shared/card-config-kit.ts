/**
 * Builds the static parts every card exposes from its role list: schema, stub config and the
 * getConfigForm schema, so the three cannot drift apart.
 */
import { buildConfigForm, type ConfigForm, type FormField } from './config-form.js';
import { baseConfigShape, parseConfig, registerCardRoles } from './config-schema.js';
import type { CardRole } from './default-entities.js';
import * as s from './schema.js';
import './card-editor.js';
import type { HeatpumpCardEditor } from './card-editor.js';

export function cardConfigKit<R extends CardRole, Extra extends Record<string, s.Schema<unknown>>>(options: {
  tag: string;
  roles: readonly R[];
  extraShape: Extra;
  extraForm?: FormField[];
  stub?: Record<string, unknown>;
}) {
  registerCardRoles(options.tag, options.roles);
  const schema = s.strictObject({ ...baseConfigShape(options.roles), ...options.extraShape });
  type Config = s.Infer<typeof schema>;
  return {
    schema,
    roles: options.roles,
    stub: (): Record<string, unknown> => ({ type: `custom:${options.tag}`, range: '24h', ...options.stub }),
    form: (): ConfigForm =>
      buildConfigForm({
        roles: options.roles,
        extra: options.extraForm,
        assertConfig: (config) => {
          parseConfig(schema, config, options.tag);
        },
      }),
    parse: (raw: unknown): Config => parseConfig(schema, raw, options.tag),
    /** The editor element HA shows in the card editor (same form as getConfigForm). */
    editor: (): HeatpumpCardEditor => {
      const editor = document.createElement('heatpump-card-editor');
      editor.form = buildConfigForm({
        roles: options.roles,
        extra: options.extraForm,
        assertConfig: (config) => void parseConfig(schema, config, options.tag),
      });
      return editor;
    },
  };
}
