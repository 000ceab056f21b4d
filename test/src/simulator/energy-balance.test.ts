import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS, JAN_2024, JUL_2024, first, frames, last } from './sim-fixtures.js';

const winter = frames({ from: JAN_2024, days: 14 });
const summer = frames({ from: JUL_2024, days: 14 });

test('every frame balances: heat = compressor electricity + aux + ambient heat', () => {
  for (const f of [...winter, ...summer]) {
    assert.ok(Math.abs(f.heatW - (f.compressorW + f.auxW + f.ambientW)) < 1e-6, `t=${f.t}`);
    assert.ok(Math.abs(f.electricalW - (f.compressorW + f.auxW + f.pumpsW)) < 1e-6);
    assert.ok(f.ambientW >= 0, 'the evaporator never gives heat back');
  }
});

test('over two weeks the energy counters balance: heat = electricity - pumps + ambient', () => {
  for (const list of [winter, summer]) {
    const a = first(list);
    const b = last(list);
    const heat = b.heatKwh - a.heatKwh;
    const electricity = b.electricalKwh - a.electricalKwh;
    const pumps = b.pumpsKwh - a.pumpsKwh;
    const ambient = b.ambientKwh - a.ambientKwh;
    assert.ok(heat > 0);
    assert.ok(
      Math.abs(heat - (electricity - pumps + ambient)) < 1e-6 * heat,
      `${heat} vs ${electricity - pumps + ambient}`,
    );
    assert.ok(
      Math.abs(electricity - (b.compressorKwh - a.compressorKwh) - (b.auxKwh - a.auxKwh) - pumps) < 1e-6,
    );
  }
});

test('counters are the hold-last-value integral of the power samples', () => {
  let electricWh = 0;
  let heatWh = 0;
  for (let i = 0; i + 1 < winter.length; i++) {
    const f = winter[i];
    const next = winter[i + 1];
    if (!f || !next) continue;
    const hours = (next.t - f.t) / 3_600_000;
    electricWh += f.electricalW * hours;
    heatWh += f.heatW * hours;
  }
  const a = first(winter);
  const b = last(winter);
  assert.ok(Math.abs(electricWh / 1000 - (b.electricalKwh - a.electricalKwh)) < 1e-6);
  assert.ok(Math.abs(heatWh / 1000 - (b.heatKwh - a.heatKwh)) < 1e-6);
});

test('the delivered heat goes where the valve says: hot water only in hot-water mode', () => {
  const a = first(winter);
  const b = last(winter);
  let hwWh = 0;
  for (let i = 0; i + 1 < winter.length; i++) {
    const f = winter[i];
    if (f?.hotWaterMode) hwWh += (f.heatW - f.auxW) * (30 / 3600);
  }
  assert.ok(Math.abs(hwWh / 1000 - (b.heatHotWaterKwh - a.heatHotWaterKwh)) < 0.01);
  // A household uses a few kWh of hot water a day; the pump makes up for it plus standing losses.
  const hwPerDay = (b.heatHotWaterKwh - a.heatHotWaterKwh) / 14;
  assert.ok(hwPerDay > 3 && hwPerDay < 9, `hot water ${hwPerDay} kWh/day`);
});

test('supply - return times the flow factor is the heat delivered (the bridge estimate works)', () => {
  for (const f of winter) {
    if (!f.compressorOn) continue;
    const estimated = (f.supplyC - f.returnC) * 2700;
    assert.ok(Math.abs(estimated - f.heatW) < 1e-6, `t=${f.t}`);
  }
});

test('the winter house needs several times the heat of the summer house', () => {
  const perDay = (list: typeof winter): number =>
    (last(list).heatKwh - first(list).heatKwh) / ((last(list).t - first(list).t) / DAY_MS);
  assert.ok(perDay(winter) > 60 && perDay(winter) < 200, `winter ${perDay(winter)} kWh/day`);
  assert.ok(perDay(summer) < 25, `summer ${perDay(summer)} kWh/day`);
});
