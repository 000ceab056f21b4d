/**
 * The config directory of a scripted Home Assistant test instance: configuration.yaml, onboarding
 * storage and any extra files a test brings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Integrations configuration.yaml sets up. No `default_config`: it pulls in cloud, zeroconf, ssdp,
 * bluetooth, dhcp, etc., which need network or hardware and packages we do not install.
 * scripts/services/homeassistant.sh checks that every requirement of these (and of HA's
 * always-loaded defaults) is pre-installed; keep its DOMAINS list in step.
 */
export const CONFIGURED_DOMAINS = [
  'http',
  'api',
  'websocket_api',
  'frontend',
  'lovelace',
  'recorder',
  'history',
  'automation',
  'template',
  'input_boolean',
  'logger',
] as const;

export interface HomeAssistantConfigOptions {
  configDir: string;
  port: number;
  /** Language of the core config and of the onboarded user, e.g. `en`, `sv`, `de`. */
  language: string;
  /** IANA time zone of the instance. */
  timeZone: string;
  /** YAML appended to configuration.yaml (top-level keys). */
  extraConfig?: string;
  /** Extra files relative to the config dir, e.g. `www/heatpump-cards.js`, `ui-lovelace.yaml`. */
  files?: Record<string, string>;
}

export function configurationYaml(opts: HomeAssistantConfigOptions): string {
  // Core config is given in YAML so the onboarding core_config step has nothing left to ask, and
  // so HA never tries to detect the location over the internet.
  return `homeassistant:
  name: Heat pump test
  latitude: 59.3293
  longitude: 18.0686
  elevation: 20
  unit_system: metric
  currency: SEK
  country: SE
  time_zone: ${opts.timeZone}
  language: ${opts.language}

http:
  server_host: 127.0.0.1
  server_port: ${opts.port}

api:
websocket_api:
frontend:
lovelace:
history:
template:
input_boolean:
automation: !include automations.yaml

recorder:
  # Write every second so a test sees its states in history without waiting for the default 5 s.
  commit_interval: 1
  db_url: sqlite:///${join(opts.configDir, 'home-assistant_v2.db')}

logger:
  default: warning
  logs:
    # Stage timings, and any attempt to pip-install a requirement at runtime (a bug in our venv).
    homeassistant.bootstrap: info
    homeassistant.util.package: info
    homeassistant.requirements: info
${opts.extraConfig ?? ''}
`;
}

/**
 * Onboarding storage with only `core_config` done. Its POST would set up google_translate, met,
 * radio_browser and shopping_list, which pip-install packages at runtime and reach the internet;
 * what the step's form sets (location, units, zone, currency) is in configuration.yaml instead.
 * The user, analytics and integration steps are still done over HTTP as the wizard does them.
 */
function onboardingStorage(): string {
  return JSON.stringify({ version: 4, minor_version: 1, key: 'onboarding', data: { done: ['core_config'] } });
}

/** Write a fresh config dir. Extra files may replace the defaults (e.g. automations.yaml). */
export async function writeHomeAssistantConfig(opts: HomeAssistantConfigOptions): Promise<void> {
  const files: Record<string, string> = {
    'configuration.yaml': configurationYaml(opts),
    'automations.yaml': '[]\n',
    '.storage/onboarding': onboardingStorage(),
    ...opts.files,
  };
  for (const [name, content] of Object.entries(files)) {
    const path = resolve(opts.configDir, name);
    if (relative(opts.configDir, path).startsWith('..')) {
      throw new Error(`startHomeAssistant: file ${name} is outside the config dir`);
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
