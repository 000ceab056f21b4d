import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  FIGURE_REASON_CODES,
  computeKpis,
  computePeriodMetrics,
  estimated,
  figureOf,
  reasonOf,
  unavailable,
  unavailableFor,
  withNotes,
  type Figure,
} from '../../../src/index.js';
import { arbSeries } from '../arbitraries.js';
import { MIN, T0 } from '../fixtures.js';

/** Every Figure inside a value (walks plain objects and arrays). */
function figuresIn(value: unknown, path = ''): Array<{ path: string; figure: Figure<unknown> }> {
  if (value === null || typeof value !== 'object') return [];
  const status = (value as { status?: unknown }).status;
  // An EnergySource has a status too, but neither value nor reason.
  const isFigure = 'value' in value || 'reason' in value;
  if (isFigure && (status === 'measured' || status === 'estimated' || status === 'unavailable'))
    return [{ path, figure: value as Figure<unknown> }];
  return Object.entries(value).flatMap(([k, v]) => figuresIn(v, `${path}.${k}`));
}

describe('figure reason codes', () => {
  it('the code list is unique snake_case', () => {
    assert.equal(new Set(FIGURE_REASON_CODES).size, FIGURE_REASON_CODES.length);
    for (const code of FIGURE_REASON_CODES) assert.match(code, /^[a-z]+(_[a-z]+)*$/);
  });

  it('constructors add the code only when given, so old figures keep their exact shape', () => {
    assert.deepEqual(unavailable('why'), { status: 'unavailable', reason: 'why' });
    assert.deepEqual(unavailable('why', 'no_data'), {
      status: 'unavailable',
      reason: 'why',
      code: 'no_data',
    });
    assert.deepEqual(estimated(1, 'W', 'b'), { status: 'estimated', value: 1, unit: 'W', basis: 'b' });
    assert.deepEqual(unavailableFor(reasonOf('empty_range', 'empty range')), {
      status: 'unavailable',
      reason: 'empty range',
      code: 'empty_range',
    });
  });

  it('withNotes joins all texts and takes the first coded note as the code', () => {
    assert.deepEqual(
      withNotes(2, '%', ['plain', reasonOf('valve_unknown', 'v'), reasonOf('flow_factor', 'f')]),
      {
        status: 'estimated',
        value: 2,
        unit: '%',
        basis: 'plain; v; f',
        code: 'valve_unknown',
      },
    );
    assert.deepEqual(withNotes(2, '%', []), { status: 'measured', value: 2, unit: '%' });
    assert.deepEqual(figureOf(Number.NaN, '', []), {
      status: 'unavailable',
      reason: 'not a finite number',
      code: 'not_finite',
    });
  });

  it('property: every estimated or unavailable figure of the period metrics and KPIs carries a known code', () => {
    const known = new Set<string>(FIGURE_REASON_CODES);
    fc.assert(
      fc.property(arbSeries(), fc.boolean(), (series, emptyRange) => {
        const range = { from: T0, to: emptyRange ? T0 : T0 + 240 * MIN };
        const figures = [
          ...figuresIn(computePeriodMetrics({ series, range, options: { staleMs: 20 * MIN } })),
          ...figuresIn(computeKpis({ series, now: T0 + 240 * MIN, options: { staleMs: 20 * MIN } })),
        ];
        for (const { path, figure } of figures) {
          if (figure.status === 'measured') continue;
          assert.ok(
            figure.code !== undefined && known.has(figure.code),
            `${path}: ${JSON.stringify(figure)}`,
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
