// The synthetic card data of the rendering benches (bench/render/page.js in Chromium,
// bench/core-metrics.ts in Node): the same seed gives the same samples in both, so a Node profile
// of the core's work is the work the card does in the browser.

/** The cards' bench range: 7 days. */
export const RANGE_MS = 7 * 86_400_000;

/** Deterministic PRNG so every run draws the same series. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_C = {
  outdoor_temp: 0,
  indoor_temp: 21,
  supply_temp: 35,
  return_temp: 30,
  hot_water_temp: 50,
  brine_in_temp: 2,
  brine_out_temp: -1,
};

/**
 * n samples per role over [from, to), physically consistent enough for every card's core metrics:
 * electrical power a random walk around 1.5 kW, heat power 3x, counters integrating them (kWh),
 * aux heater off, on/off runs for states, random walks around plausible temperatures.
 */
export function makeAll(roles, n, from, to) {
  const rnd = mulberry32(42);
  const step = (to - from) / n;
  const out = Object.fromEntries(roles.map((r) => [r, new Array(n)]));
  const temp = Object.fromEntries(roles.map((r) => [r, BASE_C[r] ?? 20]));
  let elecW = 1500;
  let elecKwh = 10_000;
  let heatKwh = 30_000;
  let on = 1;
  let hw = 0;
  for (let i = 0; i < n; i++) {
    const t = Math.round(from + i * step);
    elecW = Math.min(3000, Math.max(300, elecW + (rnd() - 0.5) * 100));
    elecKwh += (elecW * step) / 3_600_000_000;
    heatKwh += (3 * elecW * step) / 3_600_000_000;
    if (rnd() < 0.02) on = 1 - on;
    if (rnd() < 0.01) hw = 1 - hw;
    for (const r of roles) {
      let v;
      switch (r) {
        case 'electrical_power':
          v = elecW;
          break;
        case 'heat_power':
          v = 3 * elecW;
          break;
        case 'aux_heater_power':
          v = 0;
          break;
        case 'electrical_energy':
          v = elecKwh;
          break;
        case 'heat_energy':
          v = heatKwh;
          break;
        case 'compressor':
          v = on;
          break;
        case 'hot_water_mode':
          v = hw;
          break;
        case 'aux_heater':
        case 'alarm':
          v = 0;
          break;
        case 'cop_now':
        case 'cop_today':
          v = 3;
          break;
        default:
          temp[r] += (rnd() - 0.5) * 0.4;
          v = temp[r];
      }
      out[r][i] = { t, v };
    }
  }
  return out;
}
