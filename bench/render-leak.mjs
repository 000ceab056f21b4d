#!/usr/bin/env node
// What stays behind after a card is created and removed? Heap snapshots (after forced GC) after
// `--warm` create/remove cycles and again after `--cycles` more; prints the constructors whose
// count or size grew, per cycle. A leak shows as a count that grows by a whole number per cycle.
// node bench/render-leak.mjs [--card temperature] [--n 2000] [--warm 5] [--cycles 20]
/* global window -- page.evaluate callbacks run in the browser */
import { parseArgs } from 'node:util';
import { buildBenchPage, launchChromium, serveDir } from './lib/bench-page.mjs';
import { fmt, table, writeResult } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    card: { type: 'string', default: 'temperature,valve,cop' },
    n: { type: 'string', default: '2000' },
    warm: { type: 'string', default: '5' },
    cycles: { type: 'string', default: '20' },
    top: { type: 'string', default: '15' },
    // "type:name" from the table: print how new nodes of it (absent from the first snapshot) are held.
    retainers: { type: 'string' },
    // "retained": the second snapshot is taken with one rendered card still on the page (what it holds).
    mode: { type: 'string', default: 'cycles' },
  },
});
const OUT = 'test-results/bench';
const CYCLES = Number(args.cycles);
await buildBenchPage(OUT);
const { base, server } = await serveDir(OUT);

/** Count and self size per "type:name" of a V8 heap snapshot. */
function summarise(snap) {
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const out = new Map();
  const nodes = snap.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + iType]];
    // Strings and numbers are keyed by type only: their "name" is their content.
    const name =
      type === 'object' || type === 'closure' || type === 'native' ? snap.strings[nodes[i + iName]] : '';
    const key = `${type}:${name.slice(0, 60)}`;
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count += 1;
    e.size += nodes[i + iSize];
    out.set(key, e);
  }
  return out;
}

/** Ids of every node in a snapshot (ids are stable across snapshots of one page). */
function nodeIds(snap) {
  const width = snap.snapshot.meta.node_fields.length;
  const iId = snap.snapshot.meta.node_fields.indexOf('id');
  const ids = new Set();
  for (let i = 0; i < snap.nodes.length; i += width) ids.add(snap.nodes[i + iId]);
  return ids;
}

/** Retainer chains (up to `depth` hops, first retainer each hop) of nodes named `key` not in `before`. */
function retainerChains(snap, key, before, limit = 5, depth = 12) {
  const { node_fields: nf, edge_fields: ef, node_types: nt, edge_types: et } = snap.snapshot.meta;
  const nw = nf.length;
  const ew = ef.length;
  const [iType, iName, iId, iEdges] = ['type', 'name', 'id', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const label = (n) => `${nt[0][snap.nodes[n + iType]]}:${snap.strings[snap.nodes[n + iName]].slice(0, 50)}`;
  const retainers = new Map();
  let e = 0;
  for (let n = 0; n < snap.nodes.length; n += nw) {
    for (let k = 0; k < snap.nodes[n + iEdges]; k++, e += ew) {
      const type = et[0][snap.edges[e + eType]];
      if (type === 'weak') continue;
      const name =
        type === 'element' || type === 'hidden'
          ? `[${snap.edges[e + eName]}]`
          : snap.strings[snap.edges[e + eName]];
      const to = snap.edges[e + eTo];
      if (!retainers.has(to)) retainers.set(to, []);
      retainers.get(to).push({ from: n, edge: name });
    }
  }
  const chains = [];
  for (let n = 0; n < snap.nodes.length && chains.length < limit; n += nw) {
    if (label(n) !== key || before.has(snap.nodes[n + iId])) continue;
    const chain = [label(n)];
    const seen = new Set([n]);
    let cur = n;
    for (let d = 0; d < depth; d++) {
      const r = (retainers.get(cur) ?? []).find((x) => !seen.has(x.from));
      if (!r) break;
      chain.push(`<-${r.edge}- ${label(r.from)}`);
      seen.add(r.from);
      cur = r.from;
    }
    chains.push(chain.join(' '));
  }
  return chains;
}

const result = {};
for (const card of args.card.split(',')) {
  const tag = `heatpump-${card}-card`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${base}/render.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    const cdp = await page.context().newCDPSession(page);
    const cycles = (k) =>
      page.evaluate(
        async ([t, n, count]) => {
          for (let i = 0; i < count; i++) {
            await window.bench.renderCard(t, n);
            window.bench.removeCard();
          }
        },
        [tag, Number(args.n), k],
      );
    const snapshot = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const chunks = [];
      const onChunk = (e) => chunks.push(e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const snap = JSON.parse(chunks.join(''));
      return { used, snap, byKey: summarise(snap) };
    };
    await cycles(Number(args.warm));
    const a = await snapshot();
    if (args.mode === 'retained') {
      await page.evaluate(([t, n]) => window.bench.renderCard(t, n), [tag, Number(args.n)]);
    } else {
      await cycles(CYCLES);
    }
    const b = await snapshot();
    const per = args.mode === 'retained' ? 1 : CYCLES;
    const grown = [];
    for (const [key, eb] of b.byKey) {
      const ea = a.byKey.get(key) ?? { count: 0, size: 0 };
      if (eb.count > ea.count || eb.size > ea.size) {
        grown.push({ key, perCycle: (eb.count - ea.count) / per, bytesPerCycle: (eb.size - ea.size) / per });
      }
    }
    grown.sort((x, y) => y.bytesPerCycle - x.bytesPerCycle);
    const perCycleKiB = (b.used - a.used) / per / 1024;
    if (args.retainers) {
      for (const c of retainerChains(b.snap, args.retainers, nodeIds(a.snap))) console.log(c);
    }
    result[card] = { usedPerCycleKiB: perCycleKiB, grown: grown.slice(0, Number(args.top)) };
    process.stderr.write(`[bench:leak] ${card}: ${fmt(perCycleKiB, 2)} KiB per cycle (heap usage)\n`);
    console.log(
      table(
        ['constructor', 'count / cycle', 'bytes / cycle'],
        result[card].grown.map((g) => [g.key, fmt(g.perCycle, 2), fmt(g.bytesPerCycle, 0)]),
      ),
    );
  } finally {
    await browser.close();
  }
}
server.close();
writeResult('render-leak', { n: Number(args.n), warm: Number(args.warm), cycles: CYCLES, cards: result });
