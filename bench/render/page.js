// Rendering bench page (bundled by bench/render.mjs into test-results/bench/render-page.js):
// the real cards fed by a synthetic CardDataSource, and the floor: the same samples in a bare
// ECharts chart (the same tree-shaken ECharts set the cards register) after a plain min/max
// bucket down-sample. Everything the runner needs is on window.bench.
/* global window, document, customElements -- a browser page */
import '../../cards/index.ts';
import { initChart } from '../../cards/echarts/echarts.ts';
import { ROLE_DEFAULTS, roleKind } from '../../cards/shared/default-entities.ts';
import { makeAll, RANGE_MS } from '../lib/synthetic-card-data.mjs';

const WIDTH = 600;

/**
 * A CardDataSource serving n samples per entity for any range. Like Home Assistant's history
 * call, it hands the samples over and keeps no reference to them (what the card retains is the
 * card's own); it remembers only how many it served and the newest sample, for live appends.
 */
class SyntheticSource {
  /** Data generated up front (outside any timing) for the 7 days before now. */
  constructor(n, entities) {
    this.n = n;
    this.roleOf = new Map(Object.entries(entities).map(([role, id]) => [id, role]));
    this.listeners = new Set();
    const to = Date.now();
    const all = makeAll(Object.keys(entities), n, to - RANGE_MS, to);
    this.data = Object.fromEntries(Object.entries(entities).map(([role, id]) => [id, all[role]]));
    this.served = {};
  }
  async history({ entityIds }) {
    const out = {};
    for (const id of entityIds) {
      // Served once per card in these benches; a second request would find nothing to hand over.
      if (!(id in this.data)) throw new Error(`bench source: ${id} requested twice`);
      out[id] = this.data[id];
      delete this.data[id];
      this.served[id] = { role: this.roleOf.get(id), count: out[id].length, last: out[id].at(-1) };
    }
    return out;
  }
  async statistics() {
    return {};
  }
  current(id) {
    const role = this.roleOf.get(id);
    if (!role) return undefined;
    return {
      entityId: id,
      state: '1',
      value: 1,
      t: Date.now(),
      attributes: {},
      unit: ROLE_DEFAULTS[role].kind === 'counter' ? 'kWh' : undefined,
    };
  }
  subscribeLive(ids, callback) {
    const l = { ids: new Set(ids), callback };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  emit(update) {
    const served = this.served[update.entityId];
    if (served) served.last = { t: update.t, v: update.value };
    for (const l of this.listeners) if (l.ids.has(update.entityId)) l.callback(update);
  }
}

const stage = document.getElementById('stage');
const tick = () => new Promise((r) => setTimeout(r, 0));

function flushChart(chart) {
  // Paint now instead of in ECharts' next animation frame, so the time includes drawing.
  chart.getZr().flush();
}

async function waitForChart(card) {
  for (let i = 0; i < 2000; i++) {
    await card.updateComplete;
    const host = card.renderRoot.querySelector('hp-chart');
    if (host) {
      await host.updateComplete;
      const chart = host.chart;
      if (chart && (chart.getOption()?.series?.length ?? 0) > 0) return chart;
    }
    await (i < 50 ? Promise.resolve() : tick());
  }
  throw new Error(
    `${card.localName}: no chart after waiting (${card.renderRoot.textContent.trim().slice(0, 200)})`,
  );
}

let current; // { card, source, holder }
let floorChart; // { chart, div, points, id, from, to } of a floor kept for appendFloor

/**
 * Time spent in the card's buildChart (its core metrics, down-sampling and option building), summed
 * over the calls of one render: how much of a first render is the card's own data work. The wrapper
 * is installed once per card class; it only reads the clock around the original method.
 */
const buildTime = { ms: 0 };
function instrument(tag) {
  const proto = customElements.get(tag).prototype;
  if (proto.__benchTimed || typeof proto.buildChart !== 'function') return;
  const original = proto.buildChart;
  proto.buildChart = function timedBuildChart(...args) {
    const t = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      buildTime.ms += performance.now() - t;
    }
  };
  proto.__benchTimed = true;
}

window.bench = {
  /** Live state spacing in ms for appendOne (0: now + i, the original bench). */
  stepMs: 0,
  /** Create, feed and render a card; resolves with the ms until its chart is painted. */
  async renderCard(tag, n) {
    const holder = document.createElement('div');
    holder.style.width = `${WIDTH}px`;
    const card = document.createElement(tag);
    card.setConfig({ type: `custom:${tag}`, range: '7d', sync_range: false });
    const source = new SyntheticSource(n, card.entities);
    instrument(tag);
    buildTime.ms = 0;
    const t0 = performance.now();
    card.dataSource = source;
    holder.appendChild(card);
    stage.appendChild(holder);
    const chart = await waitForChart(card);
    flushChart(chart);
    const ms = performance.now() - t0;
    current = { card, source, holder, chart };
    const served = Object.values(source.served);
    return {
      ms,
      buildMs: buildTime.ms,
      series: served.length,
      points: served.reduce((a, s) => a + s.count, 0),
      option: chart.getOption().series.map((s) => s.type),
    };
  },
  /** One live state for the card's first number (else first) role, until the chart is repainted. */
  async appendOne(i, batch = 1) {
    const { card, source } = current;
    const entries = Object.entries(card.entities);
    const [role, id] = entries.find(([r]) => roleKind(r) === 'number') ?? entries[0];
    const t0 = performance.now();
    // `batch` states before one repaint (the card coalesces them): how the heap test gets 1,000 appends in.
    for (let k = 0; k < batch; k++) {
      const last = source.served[id]?.last;
      const v = roleKind(role) === 'state' ? (i + k) % 2 : (last?.v ?? 0) + ((i + k) % 2 ? 0.1 : -0.1);
      // stepMs 0: states a millisecond apart (the window barely moves); else each state stepMs after
      // the last sample, as a live sensor at the loaded data's rate would send it (the window slides).
      const t = window.bench.stepMs > 0 ? (last?.t ?? Date.now()) + window.bench.stepMs : Date.now() + i + k;
      source.emit({ entityId: id, state: String(v), value: v, t, attributes: {} });
    }
    // The card draws live states at the next frame; apply them now so the time is the work a
    // frame does (down-sample, option, setOption, paint), not the wait for the frame.
    card.flushLive?.();
    await card.updateComplete;
    const host = card.renderRoot.querySelector('hp-chart');
    await host.updateComplete;
    flushChart(host.chart);
    return performance.now() - t0;
  },
  removeCard() {
    current?.holder.remove();
    current = undefined;
  },
  /**
   * The floor: the samples the card was served, min/max down-sampled, one setOption, painted.
   * `keep`: the chart stays on the page for appendFloor (disposed by removeFloor).
   */
  async renderFloor(tag, n, keep = false) {
    // The data: generated exactly as the card's source generates it (same seeds, same roles).
    const probe = document.createElement(tag);
    probe.setConfig({ type: `custom:${tag}`, range: '7d', sync_range: false });
    const to = Date.now();
    const from = to - RANGE_MS;
    const source = new SyntheticSource(n, probe.entities);
    const data = source.data;
    const roles = Object.fromEntries(Object.entries(probe.entities).map(([r, id]) => [id, r]));
    const t0 = performance.now();
    const div = document.createElement('div');
    div.style.cssText = `width:${WIDTH}px;height:240px`;
    stage.appendChild(div);
    const chart = initChart(div, undefined, { renderer: 'canvas' });
    const series = Object.entries(data).map(([id, samples]) => ({
      type: 'line',
      id,
      name: id,
      showSymbol: false,
      step: roleKind(roles[id]) === 'state' ? 'end' : undefined,
      data: minMax(samples, WIDTH, from, to),
    }));
    chart.setOption({
      xAxis: { type: 'time', min: from, max: to },
      yAxis: { type: 'value', scale: true },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      legend: {},
      tooltip: { trigger: 'axis' },
      series,
    });
    flushChart(chart);
    const ms = performance.now() - t0;
    if (keep) {
      // The series appendFloor extends: the card's appendOne role (first number role, else first).
      const [, id] =
        Object.entries(probe.entities).find(([r]) => roleKind(r) === 'number') ??
        Object.entries(probe.entities)[0];
      const points = series.find((x) => x.id === id).data;
      floorChart = { chart, div, points, id, from, to };
    } else {
      chart.dispose();
      div.remove();
    }
    return { ms, series: series.length, points: Object.values(data).reduce((a, s) => a + s.length, 0) };
  },
  /**
   * The append floor: one new sample for one series of the kept floor chart (as appendOne gives the
   * card), added to that series' down-sampled points as one more point (no down-sampling at all),
   * the window slid to it, and handed to ECharts as a merge of only what changed (the axis and the
   * one series), painted: the least work ECharts can be given for a live state.
   */
  appendFloor(i) {
    const f = floorChart;
    const [lastT, lastV] = f.points[f.points.length - 1];
    const t0 = performance.now();
    const t = Math.max(lastT + 1, Date.now() + i);
    f.points.push([t, lastV + (i % 2 ? 0.1 : -0.1)]);
    f.from += t - f.to;
    f.to = t;
    f.chart.setOption({ xAxis: { min: f.from, max: f.to }, series: [{ id: f.id, data: f.points }] });
    flushChart(f.chart);
    return performance.now() - t0;
  },
  removeFloor() {
    floorChart?.chart.dispose();
    floorChart?.div.remove();
    floorChart = undefined;
  },
};

/** Plain min/max buckets: for each of `buckets` time slices keep its lowest and highest sample. */
function minMax(samples, buckets, from, to) {
  if (samples.length <= 2 * buckets) return samples.map((s) => [s.t, s.v]);
  const width = (to - from) / buckets;
  const out = [];
  let b = Number.NaN; // no bucket yet (samples before `from` have negative buckets)
  let lo;
  let hi;
  const flush = () => {
    if (!lo) return;
    if (lo === hi) out.push([lo.t, lo.v]);
    else if (lo.t < hi.t) out.push([lo.t, lo.v], [hi.t, hi.v]);
    else out.push([hi.t, hi.v], [lo.t, lo.v]);
  };
  for (const s of samples) {
    const k = Math.floor((s.t - from) / width);
    if (k !== b) {
      flush();
      b = k;
      lo = hi = s;
    } else {
      if (s.v < lo.v) lo = s;
      if (s.v > hi.v) hi = s;
    }
  }
  flush();
  return out;
}
