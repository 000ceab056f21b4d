/**
 * `getConfigForm()` schema (HA renders it with ha-form): built from the same role list as the
 * schema, so the editor can never offer a key the validator rejects.
 */
import { textsFor } from '../i18n/index.js';
import { ROLE_DEFAULTS } from './default-entities.js';
import type { CardRole } from './default-entities.js';
import { RANGES } from './time-range.js';

export interface FormField {
  name: string;
  type?: 'grid' | 'expandable';
  title?: string;
  selector?: Record<string, unknown>;
  schema?: FormField[];
}

export interface ConfigForm {
  schema: FormField[];
  assertConfig?: (config: Record<string, unknown>) => void;
  computeLabel?: (field: { name: string }) => string | undefined;
}

export function buildConfigForm(options: {
  roles: readonly CardRole[];
  extra?: FormField[];
  assertConfig: (config: Record<string, unknown>) => void;
  language?: string;
}): ConfigForm {
  const t = textsFor(options.language ?? navigatorLanguage());
  const labels: Record<string, string> = { ...t.editor, ...t.role };
  return {
    schema: [
      { name: 'title', selector: { text: {} } },
      {
        name: '',
        type: 'grid',
        schema: [
          {
            name: 'range',
            selector: {
              select: { mode: 'dropdown', options: RANGES.map((r) => ({ value: r, label: t.range[r] })) },
            },
          },
          { name: 'sync_range', selector: { boolean: {} } },
        ],
      },
      ...(options.extra ?? []),
      { name: 'device', selector: { text: {} } },
      {
        name: 'entities',
        type: 'expandable',
        title: t.editor.entities,
        schema: options.roles.map((role) => ({
          name: role,
          selector: { entity: { domain: ROLE_DEFAULTS[role].domain } },
        })),
      },
    ],
    assertConfig: options.assertConfig,
    computeLabel: (field) => labels[field.name],
  };
}

function navigatorLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}
