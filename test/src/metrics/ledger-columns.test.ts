import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bucketEdges,
  buildLedger,
  intervalCopFromLedger,
  lastSegment,
  resolveMetricOptions,
  sumLedger,
  type LedgerColumns,
} from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import { MIN, T0 } from '../fixtures.js';

/** Columns holding a number or NaN (running and hotWater hold flags, start and end times). */
const FLAGS = ['running', 'hotWater'] as const;
const numberFields = (c: LedgerColumns) =>
  (Object.keys(c) as Array<keyof LedgerColumns>).filter(
    (k): k is Exclude<keyof LedgerColumns, 'length' | 'start' | 'end' | (typeof FLAGS)[number]> =>
      !['length', 'start', 'end', ...FLAGS].includes(k),
  );

const arbRange = fc.record({
  fromMin: fc.integer({ min: -40, max: 200 }),
  lengthMin: fc.integer({ min: 1, max: 400 }),
  bucketMin: fc.integer({ min: 5, max: 120 }),
  staleMin: fc.integer({ min: 1, max: 90 }),
  air: fc.boolean(),
});

describe('ledger columns (property)', () => {
  it('the object segments are the columns read one by one: NaN exactly where a field is unknown', () => {
    fc.assert(
      fc.property(arbSeries(), arbRange, (series, r) => {
        const from = T0 + r.fromMin * MIN;
        const to = from + r.lengthMin * MIN;
        const options = resolveMetricOptions({
          staleMs: r.staleMin * MIN,
          sourceType: r.air ? 'air' : 'ground',
        });
        const ledger = buildLedger(series, { range: { from, to }, options });
        const c: LedgerColumns = ledger.columns;
        assert.equal(ledger.segments.length, c.length);
        for (const column of Object.values(c))
          if (typeof column !== 'number') assert.equal(column.length, c.length);
        let t = from;
        ledger.segments.forEach((seg, i) => {
          // Segments tile the range in order.
          assert.equal(seg.start, t);
          assert.ok(seg.end > seg.start);
          t = seg.end;
          for (const flag of FLAGS) {
            const v = c[flag][i] as number;
            assert.ok(v === 1 || v === 0 || Number.isNaN(v), `${flag} ${v}`);
            assert.equal(seg[flag], Number.isNaN(v) ? undefined : v === 1);
          }
          for (const field of numberFields(c)) {
            const v = c[field][i] as number;
            assert.equal(seg[field], Number.isNaN(v) ? undefined : v, field);
          }
        });
        assert.equal(t, c.length > 0 ? to : t);
        assert.deepEqual(lastSegment(ledger), ledger.segments.at(-1));
      }),
      { numRuns: 300 },
    );
  });

  it('interval COP buckets partition the ledger: their heat and electricity add up to the range sums', () => {
    fc.assert(
      fc.property(arbSeries(), arbRange, (series, r) => {
        const from = T0 + r.fromMin * MIN;
        const to = from + r.lengthMin * MIN;
        const edges = bucketEdges({ from, to, bucketMs: r.bucketMin * MIN });
        const options = resolveMetricOptions({ staleMs: r.staleMin * MIN });
        const ledger = buildLedger(series, { range: { from, to }, options, cuts: edges });
        const buckets = intervalCopFromLedger(ledger, edges);
        assert.equal(buckets.length, edges.length - 1);
        const all = sumLedger(ledger);
        const heat = buckets.reduce((s, b) => s + (b.heatKwh ?? 0), 0);
        const elec = buckets.reduce((s, b) => s + (b.elecKwh ?? 0), 0);
        assert.ok(
          Math.abs(heat - all.heatKwh) <= 1e-9 * Math.max(1, Math.abs(all.heatKwh)),
          `${heat} vs ${all.heatKwh}`,
        );
        assert.ok(
          Math.abs(elec - all.elecKwh) <= 1e-9 * Math.max(1, Math.abs(all.elecKwh)),
          `${elec} vs ${all.elecKwh}`,
        );
        // Each bucket's own segments: summing its index stretch gives its figure.
        let covered = 0;
        for (const b of buckets) {
          const inside = sumLedger(
            ledger,
            (c, i) => (c.start[i] as number) >= b.start && (c.end[i] as number) <= b.end,
          );
          covered += inside.ms;
          if (b.elecKwh !== null)
            assert.ok(Math.abs(inside.elecKwh - b.elecKwh) <= 1e-9 * Math.max(1, inside.elecKwh));
        }
        assert.equal(covered, to - from);
      }),
      { numRuns: 300 },
    );
  });
});
