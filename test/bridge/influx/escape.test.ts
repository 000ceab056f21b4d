import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  durationLiteral,
  fluxColumn,
  fluxString,
  influxqlIdent,
  influxqlString,
  isoTime,
} from '../../../bridge/influx/escape.js';
import { chooseWindow } from '../../../bridge/influx/window.js';

describe('escape', () => {
  it('Flux strings escape quotes, backslashes, interpolation and control characters', () => {
    assert.equal(fluxString('plain'), '"plain"');
    assert.equal(fluxString('a"b'), '"a\\"b"');
    assert.equal(fluxString('a\\b'), '"a\\\\b"');
    assert.equal(fluxString('${token}'), '"\\${token}"');
    assert.equal(fluxString('x\n|> drop()'), '"x\\n|> drop()"');
    assert.equal(fluxString('t\tr\r'), '"t\\tr\\r"');
  });

  it('a Flux string never ends before its closing quote, whatever the input', () => {
    for (const evil of ['"', '\\"', '\\', '") |> drop() //', '\\\\"', 'a"b"c']) {
      const lit = fluxString(evil);
      // Walk the literal like Flux's scanner: the only unescaped quote is the last character.
      let i = 1;
      while (i < lit.length - 1) {
        if (lit[i] === '\\') i += 2;
        else {
          assert.notEqual(lit[i], '"', `unescaped quote inside ${lit}`);
          i += 1;
        }
      }
      assert.equal(i, lit.length - 1);
    }
  });

  it('Flux columns are always bracket references', () => {
    assert.equal(fluxColumn('name'), 'r["name"]');
    assert.equal(fluxColumn('a"] or true or r["'), 'r["a\\"] or true or r[\\""]');
  });

  it('InfluxQL identifiers and strings escape their own quote and backslash', () => {
    assert.equal(influxqlIdent('heatpump'), '"heatpump"');
    assert.equal(influxqlIdent('a"b\\'), '"a\\"b\\\\"');
    assert.equal(influxqlString("it's"), "'it\\'s'");
    assert.equal(influxqlString("x' OR 1=1; DROP DATABASE hp; --"), "'x\\' OR 1=1; DROP DATABASE hp; --'");
    assert.equal(influxqlString('a\nb'), "'a\\nb'");
  });

  it('times and durations are formatted from numbers only', () => {
    assert.equal(isoTime(0), '1970-01-01T00:00:00.000Z');
    assert.throws(() => isoTime(Number.NaN), RangeError);
    assert.equal(durationLiteral(30_000), '30s');
    assert.equal(durationLiteral(300_000), '5m');
    assert.equal(durationLiteral(7_200_000), '2h');
    assert.equal(durationLiteral(86_400_000), '1d');
    assert.equal(durationLiteral(1500), '1500ms');
    assert.throws(() => durationLiteral(0), RangeError);
    assert.throws(() => durationLiteral(1.5), RangeError);
  });
});

describe('chooseWindow', () => {
  const H = 3_600_000;
  const D = 24 * H;
  const cases: [string, number, number][] = [
    ['1 h', H, 30_000],
    ['6 h', 6 * H, 30_000],
    ['24 h', D, 60_000],
    ['7 d', 7 * D, 600_000],
    ['30 d', 30 * D, 1_800_000],
    ['90 d', 90 * D, 2 * H],
    ['1 year', 365 * D, 6 * H],
    ['10 years', 3650 * D, 2 * D],
  ];
  for (const [label, span, expected] of cases) {
    it(`${label} -> ${durationLiteral(expected)}, at most 2000 points`, () => {
      const w = chooseWindow({ from: 0, to: span });
      assert.equal(w, expected);
      assert.ok(span / w <= 2000);
    });
  }

  it('never goes below the logger interval', () => {
    assert.equal(chooseWindow({ from: 0, to: H, minWindowMs: 60_000 }), 60_000);
    assert.equal(chooseWindow({ from: 0, to: 600_000, minWindowMs: 10_000 }), 10_000);
  });

  it('honours maxPoints and rejects empty ranges', () => {
    assert.equal(chooseWindow({ from: 0, to: D, maxPoints: 100 }), 900_000);
    assert.throws(() => chooseWindow({ from: 5, to: 5 }), RangeError);
  });
});
