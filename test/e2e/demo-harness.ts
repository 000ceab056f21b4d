import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

/**
 * The page script: dist/heatpump-dashboard.js from `npm run build` when it is there, else built
 * here with the project's own rollup config (same plugins, entry cards/standalone/index.ts), so
 * the test runs the same code the build ships.
 */
export async function ensureDashboardBundle(): Promise<string> {
  const built = join(ROOT, 'dist', 'heatpump-dashboard.js');
  if (existsSync(built) && statSync(built).size > 0) return built;
  const out = join(ROOT, 'test-results', 'e2e-bundle', 'heatpump-dashboard.js');
  mkdirSync(join(ROOT, 'test-results', 'e2e-bundle'), { recursive: true });
  process.env.NODE_ENV ??= 'development';
  const { rollup } = await import('rollup');
  type Build = { input?: unknown; output: Record<string, unknown> } & Record<string, unknown>;
  const exported = (await import(join(ROOT, 'rollup.config.mjs'))).default as Build | Build[];
  // The config may already hold the dashboard build next to the cards build; else derive it.
  const builds = Array.isArray(exported) ? exported : [exported];
  const config =
    builds.find((b) => String(b.output.file ?? '').endsWith('heatpump-dashboard.js')) ?? (builds[0] as Build);
  const bundle = await rollup({ ...config, input: join(ROOT, 'cards/standalone/index.ts') });
  await bundle.write({ ...config.output, file: out });
  await bundle.close();
  return out;
}

/** A port that was free a moment ago, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}
