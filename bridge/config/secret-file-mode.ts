import { stat } from 'node:fs/promises';

/** Inline secret keys that make a config file itself a secret. */
const INLINE_SECRET_KEYS = [
  ['influxdb', 'token'],
  ['influxdb', 'password'],
  ['homeassistant', 'token'],
  ['mqtt', 'password'],
] as const;

/** The dotted keys of secrets written directly in a parsed config file. */
export function inlineSecretKeys(tree: Record<string, unknown>): string[] {
  return INLINE_SECRET_KEYS.filter(([section, key]) => {
    const value = (tree[section] as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' && value.length > 0;
  }).map(([section, key]) => `${section}.${key}`);
}

/**
 * A warning when a config file holding secrets can be read by other users (mode bits 0o077),
 * or undefined. Only the key names are mentioned, never a value.
 */
export function secretFileModeWarning(options: {
  path: string;
  mode: number;
  secretKeys: string[];
}): string | undefined {
  const { path, mode, secretKeys } = options;
  if (secretKeys.length === 0 || (mode & 0o077) === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return (
    `warning: ${path} holds ${secretKeys.join(', ')} and is readable by other users (mode ${octal}); ` +
    `run chmod 600 ${path}, or move the secrets to *_file paths or environment variables`
  );
}

/** Reads the file's mode; a file we cannot stat gives no warning (reading it already failed or worked). */
export async function fileMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode;
  } catch {
    return undefined;
  }
}
