/**
 * docs/RELIABILITY.md: every test the matrix cites (`file` › "test name") exists, so the table
 * cannot drift from the suite; and every section of issue 9 has rows that cite at least one test.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../harness/process.js';
import { readDoc } from './doc-sections.js';

interface Row {
  section: string;
  caseName: string;
  citations: { file: string; title: string }[];
}

/** Table rows under each `## ` heading; cells split on unescaped `|`. */
export function matrixRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let section = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    if (!line.startsWith('|') || /^\|\s*-+/.test(line) || /^\|\s*Case\s*\|/.test(line)) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    const how = cells[1] ?? '';
    const citations: Row['citations'] = [];
    let file: string | undefined;
    // A backticked test path opens a group; the quoted names after it belong to it.
    for (const m of how.matchAll(/`(test\/[^`]+\.ts)`|"([^"]+)"/g)) {
      if (m[1] !== undefined) file = m[1];
      else if (file !== undefined && m[2] !== undefined) citations.push({ file, title: m[2] });
    }
    rows.push({ section, caseName: (cells[0] ?? '').trim(), citations });
  }
  return rows;
}

describe('docs/RELIABILITY.md matrix', () => {
  const rows = matrixRows(readDoc('RELIABILITY.md'));

  it('has the sections of issue 9, each with cases', () => {
    const sections = new Set(rows.map((r) => r.section));
    for (const s of ['Faults', 'Bad input', 'Secrets and exposure', 'Soak']) assert.ok(sections.has(s), s);
    assert.ok(rows.length >= 25, `${rows.length} rows`);
  });

  it('every cited test file exists and contains the cited test name', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const row of rows) {
      for (const { file, title } of row.citations) {
        cited += 1;
        const path = join(REPO_ROOT, file);
        if (!existsSync(path)) missing.push(`${row.caseName}: no file ${file}`);
        else if (!readFileSync(path, 'utf8').includes(title))
          missing.push(`${row.caseName}: ${file} has no test "${title}"`);
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(cited >= 40, `${cited} citations`);
  });

  it('every case is tested', () => {
    const untested = rows.filter((r) => r.citations.length === 0).map((r) => r.caseName);
    assert.deepEqual(untested, []);
  });
});
