import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunksToLines } from '@influxdata/influxdb-client';
import fc from 'fast-check';
import { createCsvLineSplitter } from '../../../bridge/influx/csv-lines.js';

/**
 * The lines our splitter finds in `bytes` handed over in pieces cut at `cuts`; checks on the way
 * that each line's `quoted` flag says whether it holds a quote.
 */
function ours(bytes: Uint8Array, cuts: readonly number[]): string[] {
  const lines: string[] = [];
  const splitter = createCsvLineSplitter((text, start, end, quoted) => {
    const line = text.substring(start, end);
    assert.equal(quoted, line.includes('"'), line);
    lines.push(line);
  });
  for (const piece of pieces(bytes, cuts)) splitter.push(piece);
  splitter.end();
  return lines;
}

/** The lines the client's own splitter finds in the same pieces. */
function theClients(bytes: Uint8Array, cuts: readonly number[]): string[] {
  const lines: string[] = [];
  const observer = chunksToLines({
    next: (l) => void lines.push(l),
    error: (e) => assert.fail(e),
    complete: () => {},
  });
  for (const piece of pieces(bytes, cuts)) observer.next(piece);
  observer.complete();
  return lines;
}

function pieces(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const c of [...at, bytes.length]) {
    if (c > start) out.push(bytes.subarray(start, c));
    start = Math.max(start, c);
  }
  return out;
}

/** RFC 4180 quoting, as InfluxDB writes a cell holding a comma, a quote or a line break. */
const cell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('createCsvLineSplitter', () => {
  it('CRLF and LF line ends, blank lines between tables, a last line without a break', () => {
    const text = '#datatype,string\r\n,result,key\r\n,,BT1\r\n\r\n,result,key\n,,BT2';
    assert.deepEqual(ours(encode(text), []), [
      '#datatype,string',
      ',result,key',
      ',,BT1',
      '',
      ',result,key',
      ',,BT2',
    ]);
  });

  it('a line break inside a quoted cell stays in the line, also when a chunk ends inside the quotes', () => {
    const text = ',,"a\r\nb ""c"" d",1\r\n,,plain,2\r\n';
    for (let cut = 0; cut <= text.length; cut++)
      assert.deepEqual(ours(encode(text), [cut]), [',,"a\r\nb ""c"" d",1', ',,plain,2'], `cut at ${cut}`);
  });

  it('a multi-byte character cut between chunks is decoded whole', () => {
    const bytes = encode(',,Värmepump €,1\r\n');
    const lines = ours(bytes, [4, 5, 6, 15, 16]);
    assert.deepEqual(lines, [',,Värmepump €,1']);
  });

  it("property: the same lines as the client's splitter for any cells and any chunking", () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'ö', '€', ',', '"', '\n', '\r', ' ', '1'),
      maxLength: 8,
    });
    const rows = fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (table, crlf, cuts) => {
        const csv =
          table.map((r) => r.map(cell).join(',')).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        const bytes = encode(csv);
        assert.deepEqual(ours(bytes, cuts), theClients(bytes, cuts));
      }),
      { numRuns: 300 },
    );
  });
});
