import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_MESSAGE_BYTES, parseClientMessage } from '../../../bridge/dashboard/protocol.js';
import { DASHBOARD_RANGES, DASHBOARD_RANGE_MS, isDashboardRange } from '../../../bridge/dashboard/ranges.js';
import { RANGES, RANGE_MS } from '../../../cards/shared/time-range.js';

test('valid messages parse to their typed form', () => {
  assert.deepEqual(parseClientMessage('{"type":"ping"}'), { ok: true, message: { type: 'ping' } });
  assert.deepEqual(parseClientMessage('{"type":"change_time_range","range":"7d"}'), {
    ok: true,
    message: { type: 'change_time_range', range: '7d' },
  });
  assert.deepEqual(parseClientMessage('{"type":"request_update"}'), {
    ok: true,
    message: { type: 'request_update' },
  });
  const withRange = parseClientMessage('{"type":"request_update","range":"1h","price":2}');
  assert.equal(
    withRange.ok && withRange.message.type === 'request_update' ? withRange.message.range : undefined,
    '1h',
  );
});

test('invalid ranges are refused with the list of valid ones', () => {
  for (const text of [
    '{"type":"change_time_range","range":"2d"}',
    '{"type":"request_update","range":"90d"}',
  ]) {
    const r = parseClientMessage(text);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /invalid range "(2d|90d)"; valid: 1h, 6h, 24h, 7d, 30d, 1y/);
  }
  const missing = parseClientMessage('{"type":"change_time_range"}');
  assert.match(missing.ok ? '' : missing.error, /^change_time_range: range:/);
  const wrongType = parseClientMessage('{"type":"change_time_range","range":7}');
  assert.equal(wrongType.ok, false);
});

test('unknown types, non-objects and broken JSON each get a readable error', () => {
  const cases: Array<[string, RegExp]> = [
    [
      '{"type":"drop_tables"}',
      /unknown message type "drop_tables"; known: ping, change_time_range, request_update/,
    ],
    ['not json', /not valid JSON/],
    ['[1,2]', /JSON object with a "type"/],
    ['null', /JSON object with a "type"/],
    ['"ping"', /JSON object with a "type"/],
    ['{"type":5}', /JSON object with a "type"/],
    ['{}', /JSON object with a "type"/],
  ];
  for (const [text, expected] of cases) {
    const r = parseClientMessage(text);
    assert.equal(r.ok, false, text);
    assert.match(r.ok ? '' : r.error, expected, text);
  }
  // A long unknown type is not echoed back in full.
  const long = parseClientMessage(JSON.stringify({ type: 'x'.repeat(1000) }));
  assert.ok(!long.ok && long.error.length < 200);
});

test('the dashboard offers exactly the ranges of the cards range header', () => {
  assert.deepEqual([...DASHBOARD_RANGES], [...RANGES]);
  for (const r of RANGES) assert.equal(DASHBOARD_RANGE_MS[r], RANGE_MS[r]);
  assert.equal(isDashboardRange('24h'), true);
  assert.equal(isDashboardRange('24H'), false);
  assert.equal(isDashboardRange(24), false);
});

test('the frame limit is small: every valid message fits many times over', () => {
  assert.ok(JSON.stringify({ type: 'change_time_range', range: '30d' }).length * 50 < MAX_MESSAGE_BYTES);
  assert.equal(MAX_MESSAGE_BYTES, 4096);
});
