/**
 * Debian's Chromium through playwright-core, logged in to a test Home Assistant the way the
 * frontend keeps its login: the token pair in `localStorage.hassTokens` (haws AuthData), set before
 * any page script runs. Also collects console errors and uncaught page errors for assertions.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { HomeAssistantInstance } from '../../harness/home-assistant.js';

export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';

/** Flags for a shared 2-core CI box: no sandbox (root in a container), no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run bash scripts/services/chromium.sh install`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface FrontendPreferences {
  /** Frontend language (localStorage `selectedLanguage`), e.g. `sv`. Default: the browser's (en-US). */
  language?: string;
  /** Dark mode of the default theme (localStorage `selectedTheme`), and prefers-color-scheme. */
  dark?: boolean;
  viewport?: { width: number; height: number };
}

/** haws `AuthData`, what the frontend stores under `hassTokens`. */
export interface HassTokens {
  hassUrl: string;
  clientId: string;
  expires: number;
  refresh_token: string;
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
}

export function hassTokens(ha: HomeAssistantInstance): HassTokens {
  return {
    hassUrl: ha.url,
    clientId: ha.clientId,
    // A little early, like haws, so the frontend refreshes before HA rejects the token.
    expires: Date.now() + ha.expiresIn * 1000 - 60_000,
    refresh_token: ha.refreshToken,
    access_token: ha.accessToken,
    expires_in: ha.expiresIn,
    token_type: 'Bearer',
  };
}

export interface ConsoleEntry {
  kind: 'console' | 'pageerror';
  text: string;
  url?: string;
}

export interface LoggedInPage {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught exceptions since the page opened. */
  errors: ConsoleEntry[];
  /** console.info/log lines (e.g. the cards' version banner). */
  infos: string[];
  /** `type` of every WebSocket message the frontend sent, in order. */
  wsSent: string[];
  close(): Promise<void>;
}

/** A fresh context (own localStorage) logged in to `ha`, with the given frontend preferences. */
export async function openLoggedIn(
  browser: Browser,
  ha: HomeAssistantInstance,
  prefs: FrontendPreferences = {},
): Promise<LoggedInPage> {
  const context = await browser.newContext({
    viewport: prefs.viewport ?? { width: 1400, height: 1000 },
    colorScheme: prefs.dark === true ? 'dark' : 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
    deviceScaleFactor: 1,
  });
  const storage: Record<string, string> = { hassTokens: JSON.stringify(hassTokens(ha)) };
  if (prefs.language !== undefined) storage.selectedLanguage = JSON.stringify(prefs.language);
  if (prefs.dark !== undefined)
    storage.selectedTheme = JSON.stringify({ theme: 'default', dark: prefs.dark });
  // tsx compiles with keepNames: functions handed to page.evaluate call `__name(fn, "name")`.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript((items: Record<string, string>) => {
    // Only once per context: later navigations keep what the frontend itself stored (refreshed tokens).
    if (window.localStorage.getItem('heatpumpE2eSeeded') === '1') return;
    for (const [k, v] of Object.entries(items)) window.localStorage.setItem(k, v);
    window.localStorage.setItem('heatpumpE2eSeeded', '1');
  }, storage);
  const page = await context.newPage();
  const errors: ConsoleEntry[] = [];
  const infos: string[] = [];
  const wsSent: string[] = [];
  page.on('console', (msg) => {
    const url = msg.location().url;
    if (msg.type() === 'error' && !isHaFrontendNoise(msg.text(), url))
      errors.push({ kind: 'console', text: msg.text(), url });
    else infos.push(msg.text());
  });
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => {
      try {
        const message = JSON.parse(String(frame.payload)) as { type?: string } | Array<{ type?: string }>;
        for (const m of Array.isArray(message) ? message : [message]) wsSent.push(String(m.type));
      } catch {
        wsSent.push('(unparsed)');
      }
    });
  });
  page.on('pageerror', (err) => {
    if (!isHaFrontendNoise(err.message, undefined))
      errors.push({ kind: 'pageerror', text: `${err.name}: ${err.message}` });
  });
  return { context, page, errors, infos, wsSent, close: () => context.close() };
}

/** Opens `/<dashboard>/<view>` and waits until the frontend has a connected `hass` with states. */
export async function openView(page: Page, ha: HomeAssistantInstance, path: string): Promise<void> {
  await page.goto(`${ha.url}${path}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const root = document.querySelector('home-assistant') as
        (HTMLElement & { hass?: { connected?: boolean; states?: Record<string, unknown> } }) | null;
      return root?.hass?.connected === true && root.hass.states !== null && root.hass.states !== undefined;
    },
    undefined,
    { timeout: 60_000, polling: 250 },
  );
}

/** `hass` facts the frontend decided on: language, dark mode, user. */
export function frontendState(page: Page): Promise<{ language: string; darkMode: boolean; user: string }> {
  return page.evaluate(() => {
    const root = document.querySelector('home-assistant') as
      | (HTMLElement & {
          hass?: { language: string; themes: { darkMode: boolean }; user?: { name: string } };
        })
      | null;
    const hass = root?.hass;
    return {
      language: hass?.language ?? '',
      darkMode: hass?.themes?.darkMode ?? false,
      user: hass?.user?.name ?? '',
    };
  });
}

/**
 * Errors of HA 2024.3's own frontend that are not ours: under load its shell can read
 * `hass.config.recovery_mode` before `get_config` has answered, and Chromium then tries to fetch
 * the frontend's source maps (from the internet and from build paths HA does not serve). Our cards'
 * errors never match these, so the "no console error" assertion still covers every card.
 */
function isHaFrontendNoise(text: string, url: string | undefined): boolean {
  if (text.includes("reading 'recovery_mode'")) return true;
  if (!text.startsWith('Failed to load resource') || url === undefined) return false;
  return (
    url.startsWith('https://raw.githubusercontent.com/home-assistant/frontend/') ||
    url.includes('/unknown/node_modules/')
  );
}
