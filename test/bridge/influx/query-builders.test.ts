import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFluxQuery } from '../../../bridge/influx/flux-query.js';
import { buildInfluxQLQuery } from '../../../bridge/influx/influxql-query.js';
import type { SignalPlan, TaggedPlan } from '../../../bridge/influx/query-plan.js';

const range = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 0, 2), windowMs: 60_000 };
const husdata: TaggedPlan = {
  kind: 'tagged',
  measurement: 'heatpump',
  field: 'value',
  keyTag: 'name',
  keys: [],
  lastWhen: { tag: 'type', values: ['status', 'alarm'] },
};
const signals: SignalPlan = {
  kind: 'signals',
  signals: [
    {
      key: 'outdoor_temp',
      measurement: '°C',
      field: 'value',
      tags: { domain: 'sensor', entity_id: 'outdoor' },
      aggregate: 'mean',
    },
    {
      key: 'compressor',
      field: 'value',
      tags: { domain: 'binary_sensor', entity_id: 'comp' },
      aggregate: 'last',
    },
  ],
};

describe('buildFluxQuery', () => {
  it('husdata: a mean stream and a last stream, pushed-down aggregateWindow, one union', () => {
    const q = buildFluxQuery({ bucket: 'heatpump', plan: husdata, range });
    assert.equal(
      q,
      `s0 = from(bucket: "heatpump")
  |> range(start: 2025-01-01T00:00:00.000Z, stop: 2025-01-02T00:00:00.000Z)
  |> filter(fn: (r) => r._measurement == "heatpump" and r._field == "value")
  |> filter(fn: (r) => (r["type"] != "status" and r["type"] != "alarm"))
  |> aggregateWindow(every: 1m, fn: mean, timeSrc: "_start", createEmpty: false)
  |> map(fn: (r) => ({_time: r._time, _value: float(v: r._value), key: r["name"]}))

s1 = from(bucket: "heatpump")
  |> range(start: 2025-01-01T00:00:00.000Z, stop: 2025-01-02T00:00:00.000Z)
  |> filter(fn: (r) => r._measurement == "heatpump" and r._field == "value")
  |> filter(fn: (r) => (r["type"] == "status" or r["type"] == "alarm"))
  |> aggregateWindow(every: 1m, fn: last, timeSrc: "_start", createEmpty: false)
  |> map(fn: (r) => ({_time: r._time, _value: float(v: r._value), key: r["name"]}))

union(tables: [s0, s1])
  |> group()
`,
    );
  });

  it('husdata with known names filters on the name tag', () => {
    const q = buildFluxQuery({
      bucket: 'hp',
      plan: { ...husdata, keys: ['outdoor_temp', 'compressor_status'] },
      range,
    });
    assert.ok(
      q.includes('|> filter(fn: (r) => (r["name"] == "outdoor_temp" or r["name"] == "compressor_status"))'),
    );
  });

  it('signals: one stream per signal, tags as equality filters, key set to the role', () => {
    const q = buildFluxQuery({
      bucket: 'home_assistant/autogen',
      plan: signals,
      range: { ...range, windowMs: 300_000 },
    });
    assert.ok(q.startsWith('s0 = from(bucket: "home_assistant/autogen")'));
    assert.ok(
      q.includes(
        '|> filter(fn: (r) => r._measurement == "°C" and r._field == "value" and r["domain"] == "sensor" and r["entity_id"] == "outdoor")',
      ),
    );
    // No measurement configured: no measurement filter.
    assert.ok(
      q.includes(
        '|> filter(fn: (r) => r._field == "value" and r["domain"] == "binary_sensor" and r["entity_id"] == "comp")',
      ),
    );
    assert.ok(q.includes('aggregateWindow(every: 5m, fn: mean'));
    assert.ok(q.includes('aggregateWindow(every: 5m, fn: last'));
    assert.ok(q.includes('key: "outdoor_temp"}))'));
    assert.ok(q.includes('union(tables: [s0, s1])'));
  });

  it('injection through bucket, measurement, tag key or value stays inside string literals', () => {
    const evil = '") |> drop(columns: ["_value"]) |> yield(name: "x';
    const q = buildFluxQuery({
      bucket: evil,
      plan: {
        kind: 'signals',
        signals: [
          {
            key: 'outdoor_temp',
            measurement: evil,
            field: evil,
            tags: { [evil]: `${evil}\n\${x}` },
            aggregate: 'mean',
          },
        ],
      },
      range,
    });
    // The only `drop(`/`yield(` text is inside escaped literals: removing literals leaves none.
    const withoutLiterals = q.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    assert.doesNotMatch(withoutLiterals, /drop\(|yield\(/);
    assert.doesNotMatch(withoutLiterals, /\n\$\{x\}/);
    // Exactly the expected statement shape survives.
    assert.equal((withoutLiterals.match(/\|>/g) ?? []).length, 5);
  });

  it('rejects empty plans and inverted ranges', () => {
    assert.throws(
      () => buildFluxQuery({ bucket: 'b', plan: { kind: 'signals', signals: [] }, range }),
      RangeError,
    );
    assert.throws(
      () => buildFluxQuery({ bucket: 'b', plan: husdata, range: { ...range, to: range.from } }),
      RangeError,
    );
  });
});

describe('buildInfluxQLQuery', () => {
  it('husdata: mean for values, last for states, grouped by time and name, one request', () => {
    const q = buildInfluxQLQuery({ plan: husdata, range });
    assert.equal(
      q.text,
      `SELECT mean("value") AS "value" FROM "heatpump" WHERE time >= '2025-01-01T00:00:00.000Z' AND time < '2025-01-02T00:00:00.000Z' AND ("type" != 'status' AND "type" != 'alarm') GROUP BY time(1m), "name" fill(none); ` +
        `SELECT last("value") AS "value" FROM "heatpump" WHERE time >= '2025-01-01T00:00:00.000Z' AND time < '2025-01-02T00:00:00.000Z' AND ("type" = 'status' OR "type" = 'alarm') GROUP BY time(1m), "name" fill(none)`,
    );
    assert.deepEqual(q.statementKeys, [{ tag: 'name' }, { tag: 'name' }]);
  });

  it('signals: one statement per signal with its fixed key; any measurement when none is set', () => {
    const q = buildInfluxQLQuery({ plan: signals, range, retentionPolicy: 'autogen' });
    const [a, b] = q.text.split('; ');
    assert.equal(
      a,
      `SELECT mean("value") AS "value" FROM "autogen"."°C" WHERE time >= '2025-01-01T00:00:00.000Z' AND time < '2025-01-02T00:00:00.000Z' AND "domain" = 'sensor' AND "entity_id" = 'outdoor' GROUP BY time(1m) fill(none)`,
    );
    assert.ok(b?.startsWith('SELECT last("value") AS "value" FROM "autogen"./.*/ WHERE'));
    assert.deepEqual(q.statementKeys, [{ fixed: 'outdoor_temp' }, { fixed: 'compressor' }]);
  });

  it('injection through names stays inside quoted identifiers and strings', () => {
    const evil = `x' OR 1=1; DROP DATABASE hp; SELECT * FROM "y`;
    const q = buildInfluxQLQuery({
      plan: { ...husdata, measurement: evil, keyTag: evil, keys: [evil] },
      range,
      retentionPolicy: evil,
    });
    // Scan quoted tokens left to right, as InfluxQL's scanner does.
    const withoutLiterals = q.text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
    assert.doesNotMatch(withoutLiterals, /DROP/);
    // Two statements, no more.
    assert.equal(withoutLiterals.split(';').length, 2);
  });
});
