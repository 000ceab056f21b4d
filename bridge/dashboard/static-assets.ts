import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The page's script: the cards plus the standalone client, built by rollup next to the cards bundle. */
export const DASHBOARD_BUNDLE = 'heatpump-dashboard.js';

/**
 * Where the built bundle is: beside the compiled bridge (dist/bridge/dashboard -> dist/) or, when
 * the bridge runs from source with tsx, in the checkout's dist/.
 */
export function findDashboardBundle(explicit?: string): string | undefined {
  const candidates = [
    explicit,
    fileURLToPath(new URL(`../../${DASHBOARD_BUNDLE}`, import.meta.url)),
    fileURLToPath(new URL(`../../dist/${DASHBOARD_BUNDLE}`, import.meta.url)),
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

/** Reads the bundle once; the file is immutable for the life of the process. */
export class StaticBundle {
  private content: Promise<Buffer> | undefined;

  constructor(readonly path: string | undefined) {}

  read(): Promise<Buffer> | undefined {
    if (this.path === undefined) return undefined;
    this.content ??= readFile(this.path);
    return this.content;
  }
}
