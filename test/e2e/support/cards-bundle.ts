/**
 * The cards bundle HA serves from `www/`: dist/heatpump-cards.js when it is newer than every card
 * and core source (CI runs `npm run build` before this layer), else built here with the project's
 * own rollup config into test-results/, so a stale dist never hides a change in cards/ or src/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../harness/process.js';

const DIST_BUNDLE = join(REPO_ROOT, 'dist', 'heatpump-cards.js');
const BUILT_HERE = join(REPO_ROOT, 'test-results', 'e2e-bundle', 'heatpump-cards.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function freshest(candidates: string[], sourcesMtime: number): string | undefined {
  return candidates.find((p) => existsSync(p) && statSync(p).size > 0 && statSync(p).mtimeMs >= sourcesMtime);
}

let building: Promise<string> | undefined;

/** Path of an up-to-date bundle. */
export function cardsBundlePath(): Promise<string> {
  building ??= (async () => {
    const sources = Math.max(
      newestMtime(join(REPO_ROOT, 'cards')),
      newestMtime(join(REPO_ROOT, 'src')),
      statSync(join(REPO_ROOT, 'rollup.config.mjs')).mtimeMs,
    );
    const ready = freshest([DIST_BUNDLE, BUILT_HERE], sources);
    if (ready !== undefined) return ready;
    mkdirSync(join(REPO_ROOT, 'test-results', 'e2e-bundle'), { recursive: true });
    const { rollup } = await import('rollup');
    type Build = { output: Record<string, unknown> } & Record<string, unknown>;
    const configModule = (await import(join(REPO_ROOT, 'rollup.config.mjs'))) as { default: Build | Build[] };
    // The config holds the cards build first and the standalone dashboard build second.
    const builds = Array.isArray(configModule.default) ? configModule.default : [configModule.default];
    const config = builds[0] as Build;
    const bundle = await rollup({ ...config, input: join(REPO_ROOT, 'cards', 'index.ts') });
    try {
      await bundle.write({ ...config.output, file: BUILT_HERE });
    } finally {
      await bundle.close();
    }
    return BUILT_HERE;
  })();
  return building;
}

/** The bundle's text, for `startHomeAssistant({ files: { 'www/heatpump-cards.js': ... } })`. */
export async function cardsBundleSource(): Promise<string> {
  return readFileSync(await cardsBundlePath(), 'utf8');
}
