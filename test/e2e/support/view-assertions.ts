/**
 * Assertions on a probed dashboard view (support/card-probe.ts) against what the view's config,
 * the language's texts and HA's states say every card must show.
 */
import assert from 'node:assert/strict';
import type { Connection } from 'home-assistant-js-websocket';
import type { Texts } from '../../../cards/i18n/index.js';
import type { ConsoleEntry } from './browser.js';
import type { CardProbe, ViewProbe } from './card-probe.js';
import { bridgeEntity, expectedCard } from './card-expectations.js';
import type { Stack, StackPump } from './ha-stack.js';
import { viewCards } from './lovelace.js';
import { getStates } from './ws.js';

const RANGE_MS: Record<string, number> = {
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** The eight custom elements of the bundle. */
export const CARD_TAGS = [
  'heatpump-cop-card',
  'heatpump-runtime-card',
  'heatpump-temperature-card',
  'heatpump-performance-card',
  'heatpump-power-card',
  'heatpump-valve-card',
  'heatpump-energy-flow-card',
  'heatpump-kpi-card',
];

/** Every card of `pump`'s view drawn as its config, language and data say it must be. */
export async function assertView(opts: {
  stack: Stack;
  probe: ViewProbe;
  pump: StackPump;
  texts: Texts;
  errors: readonly ConsoleEntry[];
}): Promise<void> {
  const { stack, probe, pump, texts } = opts;
  const view = stack.views[stack.pumps.indexOf(pump)]!;
  const configs = viewCards(view);
  const states = await getStates(stack.conn);
  assert.deepEqual(probe.errorCards, [], 'no hui-error-card on the view');
  assert.deepEqual([...probe.registered].sort(), [...CARD_TAGS].sort(), 'all 8 custom elements defined');
  assert.deepEqual(
    probe.cards.map((c) => c.tag),
    configs.map((c) => c.type.replace(/^custom:/, '')),
    'one element per card of the view, in order',
  );
  for (const [i, config] of configs.entries()) {
    const card = probe.cards[i]!;
    const want = expectedCard({ card: config, texts, states });
    const where = `${pump.device} card ${i + 1} ${card.tag}`;
    assert.equal(card.defined, true, `${where}: element defined`);
    assert.equal(card.title, want.title, `${where}: title`);
    assert.equal(card.range, want.range, `${where}: range button`);
    // An entity the bridge reports unavailable right now (COP now while the compressor is off) is
    // named in the card; anything else (loading, missing entity, load error) is a failure unless
    // it is the reason this pump cannot have the chart.
    const unavailable = texts.message.unavailable_entities.replace('{entities}', '');
    assert.deepEqual(
      card.messages.filter((m) => !m.startsWith(unavailable)),
      want.message === undefined ? [] : [want.message],
      `${where}: messages`,
    );
    assert.ok(
      card.box.width > 200 && card.box.height > 150,
      `${where}: on screen (${JSON.stringify(card.box)})`,
    );
    if (want.message !== undefined) {
      assert.equal(card.canvas, null, `${where}: no chart next to the reason`);
      continue;
    }
    if (card.tag === 'heatpump-kpi-card') {
      assert.deepEqual(
        card.tiles.map((t) => t.label),
        want.tiles,
        `${where}: tiles`,
      );
      continue;
    }
    assert.ok(card.canvas && card.canvas.width > 200 && card.canvas.height > 100, `${where}: canvas drawn`);
    const names = card.series.map((s) => s.name);
    for (const name of want.series) {
      const s = card.series.find((x) => x.name === name);
      assert.ok(s, `${where}: series "${name}" in ${JSON.stringify(names)}`);
      assert.ok(s.finite > 0, `${where}: series "${name}" has data (${JSON.stringify(s)})`);
    }
    const rangeMs = RANGE_MS[want.range] ?? 24 * 3_600_000;
    for (const lane of want.lanes ?? []) {
      const s = card.series.find((x) => x.name === lane.name);
      assert.ok(s, `${where}: lane "${lane.name}" in ${JSON.stringify(names)}`);
      // HA recorded the state on at some time in the range: there is an on-interval to draw.
      if (await wasOn(stack.conn, lane.entityId, Date.now() - rangeMs))
        assert.ok(s.finite > 0, `${where}: lane "${lane.name}" has data (${JSON.stringify(s)})`);
    }
    if (want.anyOf.length > 0) {
      assert.ok(
        card.series.some((s) => want.anyOf.includes(s.name) && s.finite > 0),
        `${where}: one of ${want.anyOf.join(' / ')} with data in ${JSON.stringify(names)}`,
      );
    }
    const allowed = new Set([
      ...want.series,
      ...want.optional,
      ...want.anyOf,
      ...(want.lanes ?? []).map((l) => l.name),
    ]);
    assert.deepEqual(
      names.filter((n) => !allowed.has(n)),
      [],
      `${where}: no unexpected series`,
    );
    for (const name of want.hidden)
      assert.equal(card.legendSelected[name], false, `${where}: "${name}" hidden`);
  }
  const tileValue = (label: string): string =>
    probe.cards.find((c) => c.tag === 'heatpump-kpi-card')!.tiles.find((t) => t.label === label)!.value;
  const alarmOn = states.get(bridgeEntity(pump.device, 'alarm'))?.state === 'on';
  assert.equal(tileValue(texts.kpi.alarm), alarmOn ? texts.kpi.alarm_active : texts.kpi.no_alarm);
  assert.deepEqual(opts.errors, [], `${pump.device}: no console error`);
}

/** The n-th card with `tag` on the view (asserted to exist). */
export function card(probe: ViewProbe, tag: string, n = 1): CardProbe {
  const found = probe.cards.filter((c) => c.tag === tag)[n - 1];
  assert.ok(found, `${tag} #${n} on the view`);
  return found;
}

/** HA's recorded states of one entity over [from, now], the state at `from` first. */
async function historyStates(conn: Connection, entityId: string, from: number): Promise<string[]> {
  const res = await conn.sendMessagePromise<Record<string, Array<{ s: string }>>>({
    type: 'history/history_during_period',
    start_time: new Date(from).toISOString(),
    entity_ids: [entityId],
    include_start_time_state: true,
    significant_changes_only: false,
    minimal_response: true,
    no_attributes: true,
  });
  return (res[entityId] ?? []).map((r) => r.s);
}

/** True when HA's history of a binary sensor has it `on` at some time in [from, now]. */
async function wasOn(conn: Connection, entityId: string, from: number): Promise<boolean> {
  return (await historyStates(conn, entityId, from)).includes('on');
}

/** First and last numeric state of an entity's history over [from, now]. */
export async function historyEnds(
  conn: Connection,
  entityId: string,
  from: number,
): Promise<{ first: number; last: number }> {
  const values = (await historyStates(conn, entityId, from)).map(Number).filter(Number.isFinite);
  assert.ok(values.length >= 2, `${entityId}: history over the range`);
  return { first: values[0]!, last: values[values.length - 1]! };
}
