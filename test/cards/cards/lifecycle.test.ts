import { expect } from '@esm-bundle/chai';
import '../../../cards/index.js';
import type { CardDataSource, LiveState } from '../../../cards/data/data-source.js';
import { HaDataSource } from '../../../cards/data/ha-data-source.js';
import { getInstanceById } from '../../../cards/echarts/echarts.js';
import type { ECharts } from '../../../cards/echarts/echarts.js';
import { RANGE_EVENT } from '../../../cards/shared/time-range.js';
import { fakeHass, loadRecording, until } from '../fake-hass.js';

const TAGS = [
  'heatpump-cop-card',
  'heatpump-runtime-card',
  'heatpump-temperature-card',
  'heatpump-performance-card',
  'heatpump-power-card',
  'heatpump-valve-card',
  'heatpump-energy-flow-card',
  'heatpump-kpi-card',
];
const CYCLES = 20;

type Card = HTMLElement & {
  setConfig(c: unknown): void;
  dataSource?: CardDataSource;
  chart?: ECharts;
  updateComplete: Promise<boolean>;
};

/** The standalone dashboard's way in: one data source shared by every card, counting live subscriptions. */
class CountingSource implements CardDataSource {
  active = 0;
  constructor(private inner: CardDataSource) {}
  history(req: Parameters<CardDataSource['history']>[0]) {
    return this.inner.history(req);
  }
  statistics(req: Parameters<CardDataSource['statistics']>[0]) {
    return this.inner.statistics(req);
  }
  current(id: string) {
    return this.inner.current(id);
  }
  subscribeLive(ids: string[], callback: (u: LiveState) => void): () => void {
    this.active++;
    const off = this.inner.subscribeLive(ids, callback);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active--;
      off();
    };
  }
}

/** Counts what a card registers outside itself: range listeners on window and resize observers. */
function countGlobals() {
  const counts = { rangeListeners: 0, observing: 0 };
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  const listeners = new Set<unknown>();
  window.addEventListener = ((type: string, fn: EventListener, opts?: unknown) => {
    if (type === RANGE_EVENT && !listeners.has(fn)) {
      listeners.add(fn);
      counts.rangeListeners++;
    }
    add(type, fn, opts as AddEventListenerOptions);
  }) as typeof window.addEventListener;
  window.removeEventListener = ((type: string, fn: EventListener, opts?: unknown) => {
    if (type === RANGE_EVENT && listeners.delete(fn)) counts.rangeListeners--;
    remove(type, fn, opts as EventListenerOptions);
  }) as typeof window.removeEventListener;
  const Original = window.ResizeObserver;
  window.ResizeObserver = class extends Original {
    private watching = 0;
    override observe(target: Element, options?: ResizeObserverOptions): void {
      this.watching++;
      counts.observing++;
      super.observe(target, options);
    }
    override disconnect(): void {
      counts.observing -= this.watching;
      this.watching = 0;
      super.disconnect();
    }
  };
  const restore = () => {
    window.addEventListener = add;
    window.removeEventListener = remove;
    window.ResizeObserver = Original;
  };
  return { counts, restore };
}

function mount(tag: string, source: CardDataSource): Card {
  const card = document.createElement(tag) as Card;
  card.style.width = '600px';
  card.style.display = 'block';
  card.setConfig({ type: `custom:${tag}` });
  card.dataSource = source;
  document.body.append(card);
  return card;
}

const drawn = (card: Card) =>
  card.tagName === 'HEATPUMP-KPI-CARD'
    ? !!card.shadowRoot?.querySelector('.tile')
    : ((card.chart?.getOption().series as unknown[] | undefined)?.length ?? 0) > 0;

describe('card lifecycle: create/remove leaves nothing behind', () => {
  afterEach(() => document.body.replaceChildren());

  for (const tag of TAGS) {
    it(`${tag}: ${CYCLES} create/remove cycles release charts, observers, listeners and subscriptions`, async () => {
      const source = new CountingSource(new HaDataSource(fakeHass(await loadRecording())));
      const globals = countGlobals();
      const charts: ECharts[] = [];
      try {
        for (let i = 0; i < CYCLES; i++) {
          const card = mount(tag, source);
          // Half the cycles end before the data arrives: a late answer must not subscribe a removed card.
          if (i % 2 === 0) {
            await until(() => drawn(card));
            expect(source.active, 'live subscription while shown').to.equal(1);
            if (card.chart) charts.push(card.chart);
          } else await card.updateComplete;
          card.remove();
        }
        // Let the answers of the cards removed early arrive.
        await new Promise((r) => setTimeout(r, 100));
        expect(source.active, 'live subscriptions').to.equal(0);
        expect(globals.counts.rangeListeners, 'range listeners on window').to.equal(0);
        expect(globals.counts.observing, 'resize observers').to.equal(0);
        expect(charts.every((c) => c.isDisposed() && getInstanceById(c.id) === undefined)).to.equal(true);
        if (tag !== 'heatpump-kpi-card') expect(charts).to.have.length(CYCLES / 2);
        expect(document.querySelectorAll(tag)).to.have.length(0);
      } finally {
        globals.restore();
      }
    });
  }

  it('a card moved in the page keeps exactly one live chart and one subscription', async () => {
    const source = new CountingSource(new HaDataSource(fakeHass(await loadRecording())));
    const card = mount('heatpump-valve-card', source);
    await until(() => drawn(card));
    const first = card.chart!;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(card); // disconnect + connect, as HA does when a view is rearranged
    await until(() => drawn(card) && card.chart !== first);
    expect(first.isDisposed()).to.equal(true);
    await until(() => source.active === 1);
    card.remove();
    expect(source.active).to.equal(0);
  });

  const gc = (window as Window & { gc?: () => void }).gc;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  // web-test-runner.config.mjs starts Chromium with --js-flags=--expose-gc and precise memory info.
  it(`retained JS heap does not grow over ${CYCLES} cycles`, async () => {
    expect(gc, 'window.gc (Chromium --js-flags=--expose-gc)').to.be.a('function');
    expect(memory, 'performance.memory').to.not.equal(undefined);
    const source = new CountingSource(new HaDataSource(fakeHass(await loadRecording())));
    const cycle = async () => {
      const card = mount('heatpump-temperature-card', source);
      await until(() => drawn(card));
      card.remove();
    };
    const heap = async () => {
      await new Promise((r) => setTimeout(r, 50));
      gc!();
      return memory!.usedJSHeapSize;
    };
    for (let i = 0; i < 3; i++) await cycle(); // warm-up: code, themes, caches
    const before = await heap();
    for (let i = 0; i < CYCLES; i++) await cycle();
    const after = await heap();
    expect(after - before).to.be.below(1_000_000);
  });
});
