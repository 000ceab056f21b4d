/**
 * Generated sections of docs/*.md: the text between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` is produced by a test. The test fails when the file differs from what
 * the code produces; `UPDATE_DOCS=1` writes the new text instead, so docs cannot drift.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT } from '../../harness/process.js';

export function docPath(name: string): string {
  return join(REPO_ROOT, 'docs', name);
}

export function readDoc(name: string): string {
  return readFileSync(docPath(name), 'utf8');
}

/**
 * Asserts (or with UPDATE_DOCS=1 rewrites) one generated section of a doc. The doc is compared as
 * Prettier formats it (the repository's lint checks docs too), so generated tables may be rough.
 */
export async function checkGeneratedSection(doc: string, section: string, generated: string): Promise<void> {
  const path = docPath(doc);
  const text = readFileSync(path, 'utf8');
  const open = `<!-- generated:${section} -->`;
  const close = `<!-- /generated:${section} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  assert.ok(start >= 0 && end > start, `${doc} has no ${open} ... ${close} markers`);
  const replaced = `${text.slice(0, start + open.length)}\n${generated.trimEnd()}\n${text.slice(end)}`;
  const wanted = await format(replaced, { ...(await resolveConfig(path)), filepath: path });
  if (wanted === text) return;
  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(path, wanted);
    return;
  }
  assert.equal(
    text,
    wanted,
    `docs/${doc} section "${section}" is out of date; regenerate with UPDATE_DOCS=1 node --import tsx --test <this test>`,
  );
}
