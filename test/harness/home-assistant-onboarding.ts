/**
 * Onboard a fresh Home Assistant by script, the way the frontend wizard does it, and mint a
 * long-lived token for tests (docs: home-assistant-platform.md section 9).
 */
import { connectHomeAssistant } from './ha-socket.js';

export interface OnboardingResult {
  /** Long-lived access token (10 years), what the bridge would be configured with. */
  token: string;
  /** Short-lived token pair, the shape the frontend keeps in localStorage.hassTokens. */
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** The OAuth client id the tokens belong to; the frontend uses `<origin>/`. */
  clientId: string;
}

export const TEST_USER = { name: 'Heat Pump Tester', username: 'tester', password: 'heatpump-test-pw' };

async function postJson<T>(url: string, body: unknown, accessToken?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Run every remaining onboarding step. `url` is the HA base URL without a trailing slash. */
export async function onboard(url: string, language: string): Promise<OnboardingResult> {
  // HA's IndieAuth accepts any http(s) client id whose redirect URIs share its host.
  const clientId = `${url}/`;

  // 1. Owner user; answers an authorization code as if the wizard were logging in.
  const { auth_code: userCode } = await postJson<{ auth_code: string }>(`${url}/api/onboarding/users`, {
    client_id: clientId,
    name: TEST_USER.name,
    username: TEST_USER.username,
    password: TEST_USER.password,
    language,
  });

  // 2. Code -> token pair (OAuth authorization_code grant, form encoded).
  const tokenRes = await fetch(`${url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: userCode, client_id: clientId }),
  });
  const tokenText = await tokenRes.text();
  if (!tokenRes.ok) throw new Error(`POST ${url}/auth/token answered HTTP ${tokenRes.status}: ${tokenText}`);
  const tokens = JSON.parse(tokenText) as { access_token: string; refresh_token: string; expires_in: number };

  // 3. Long-lived token: only a WebSocket command exists for it.
  const conn = await connectHomeAssistant({ url, token: tokens.access_token });
  let token: string;
  try {
    token = await conn.sendMessagePromise<string>({
      type: 'auth/long_lived_access_token',
      // Names must be unique per user; restart() keeps the user, a new instance has a new one.
      client_name: `heatpump-insight tests ${new Date().toISOString()}`,
      lifespan: 3650,
    });
  } finally {
    conn.close();
  }

  // 4. The remaining wizard steps, so `/` opens the UI instead of redirecting to onboarding.html
  //    (core_config was pre-marked done, see home-assistant-config.ts).
  await postJson(`${url}/api/onboarding/analytics`, {}, tokens.access_token);
  await postJson(
    `${url}/api/onboarding/integration`,
    { client_id: clientId, redirect_uri: `${url}/?auth_callback=1` },
    tokens.access_token,
  );
  const steps = await (await fetch(`${url}/api/onboarding`)).json();
  const pending = (steps as { step: string; done: boolean }[]).filter((s) => !s.done).map((s) => s.step);
  if (pending.length > 0) throw new Error(`onboarding steps still pending: ${pending.join(', ')}`);

  return {
    token,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresIn: tokens.expires_in,
    clientId,
  };
}
