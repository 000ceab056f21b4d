import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKpis, thermia } from '../../../src/index.js';
import { HOUR, MIN, close, valueOf } from '../fixtures.js';

describe('computeKpis', () => {
  it('golden: today is local (Stockholm), COP now / today / period and energies', () => {
    // 2025-01-10 00:00 local = 2025-01-09T23:00Z. Constant 2 kW electric, 6 kW heat, compressor on.
    const start = Date.UTC(2025, 0, 9, 20);
    const now = Date.UTC(2025, 0, 10, 5); // 06:00 local: 6 h of "today"
    const series = {
      compressor: [{ t: start, v: 1 }],
      heat_power: [{ t: start, v: 6000 }],
      electrical_power: [{ t: start, v: 2000 }],
      alarm_active: [{ t: start, v: 0 }],
      alarm_code: [{ t: start, v: 0 }],
    };
    const k = computeKpis({
      series,
      now,
      options: { staleMs: Infinity, kpiPeriod: '7d', heatIncludesAux: true },
      provider: thermia,
    });
    close(valueOf(k.copNow), 3);
    close(valueOf(k.copToday), 3);
    close(valueOf(k.copPeriod), 3);
    close(valueOf(k.runtimeToday), 6);
    close(valueOf(k.energyInToday), 12);
    close(valueOf(k.energyOutToday), 36);
    assert.equal(k.period.kind, '7d');
    assert.equal(k.period.to, now);
    assert.equal(k.alarm.active, false);
    assert.equal(k.auxRuntimeToday.status, 'unavailable');
    assert.equal(k.issues.counter_reset, 0);
  });

  it('no data: every tile says why, nothing throws', () => {
    const k = computeKpis({ series: {}, now: Date.UTC(2025, 0, 10), lang: 'sv' });
    assert.equal(k.copNow.status, 'unavailable');
    assert.equal(k.energyInToday.status, 'unavailable');
    assert.equal(k.alarm.active, null);
    assert.equal(k.period.kind, 'season');
    assert.ok(k.period.to - k.period.from > 100 * 24 * HOUR);
    assert.ok(MIN > 0);
  });
});
