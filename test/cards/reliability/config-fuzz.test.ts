/**
 * A fuzz of card configs and entity states for all 8 cards (fast-check): random keys, wrong types,
 * entity ids and titles carrying markup, states whose names and values carry markup. Each config
 * either gets a readable `setConfig` error naming the card, or the card renders; nothing escapes
 * as an uncaught exception or rejection, and no markup from the input becomes an element.
 */
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import '../../../cards/index.js';
import { CARD_ROLES, defaultEntityId } from '../../../cards/shared/default-entities.js';
import { fakeHass, loadRecording, type FakeHass } from '../fake-hass.js';

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

const PWNED = '__fuzzPwned';
const MARKUP = [
  `<img src=x onerror="window.${PWNED}=1">`,
  `"><svg onload=window.${PWNED}=1>`,
  `</style><script>window.${PWNED}=1</script>`,
  `\${alert(1)}<b onmouseover=window.${PWNED}=1>x</b>`,
];
const markup = fc.constantFrom(...MARKUP);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  markup,
  fc.array(fc.oneof(fc.string(), markup), { maxLength: 3 }),
  fc.object({ maxDepth: 1, maxKeys: 3 }),
);
const role = fc.oneof(fc.constantFrom(...CARD_ROLES), fc.string(), markup);
const entityId = fc.oneof(
  fc.constantFrom('sensor.heatpump_outdoor_temp', 'sensor.fuzz_missing', 'binary_sensor.heatpump_alarm'),
  markup.map((m) => `sensor.${m}`),
  anyValue,
);

/** `type` is filled in per card (TYPE_PLACEHOLDER) most of the time, so validation goes past it. */
const TYPE_PLACEHOLDER = Symbol('type');
const configArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record(
        {
          type: fc.oneof({ weight: 4, arbitrary: fc.constant(TYPE_PLACEHOLDER) }, anyValue),
          title: fc.oneof(markup, anyValue),
          range: fc.oneof(fc.constantFrom('1h', '6h', '24h', '7d', '30d', '1y'), anyValue),
          device: fc.oneof(fc.constantFrom('heatpump', 'fuzz'), markup, anyValue),
          entities: fc.oneof(fc.dictionary(role, entityId, { maxKeys: 3 }), anyValue),
          sync_range: fc.oneof(fc.boolean(), anyValue),
          range_group: fc.oneof(markup, anyValue),
        },
        { requiredKeys: [] },
      )
      .chain((base) =>
        fc
          .dictionary(fc.oneof(fc.string(), markup), anyValue, { maxKeys: 2 })
          .map((extra) => ({ ...extra, ...base })),
      ),
  },
  { weight: 1, arbitrary: anyValue },
);
/** Configs that validate: markup can only travel through free text and the states. */
const validArb: fc.Arbitrary<unknown> = fc.record(
  {
    type: fc.constant(TYPE_PLACEHOLDER),
    title: fc.oneof(markup, fc.string()),
    range: fc.constantFrom('1h', '24h', '7d', '30d'),
    range_group: fc.oneof(markup, fc.string()),
    sync_range: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);
const mixedArb = fc.oneof({ weight: 2, arbitrary: configArb }, { weight: 1, arbitrary: validArb });

/** Every default entity of the device gets a markup name, unit and (for some) state. */
function hostileHass(base: FakeHass, device = 'heatpump'): FakeHass {
  const states = { ...base.states };
  CARD_ROLES.forEach((r, i) => {
    const id = defaultEntityId(r, device);
    const old = states[id];
    if (old === undefined) return;
    states[id] = {
      ...old,
      state: i % 3 === 0 ? MARKUP[i % MARKUP.length]! : old.state,
      attributes: {
        ...old.attributes,
        friendly_name: MARKUP[i % MARKUP.length],
        unit_of_measurement: MARKUP[(i + 1) % MARKUP.length],
      },
    };
  });
  return { ...base, states };
}

/** Elements anywhere below `root`, shadow roots included. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

function injected(card: HTMLElement): string[] {
  return allElements(card.shadowRoot ?? card)
    .filter(
      (el) =>
        ['IMG', 'SCRIPT', 'B'].includes(el.tagName) ||
        (el.tagName.toLowerCase() === 'svg' && el.hasAttribute('onload')) ||
        el.getAttributeNames().some((a) => a === 'onerror' || a === 'onload' || a === 'onmouseover'),
    )
    .map((el) => el.outerHTML.slice(0, 120));
}

describe('card config fuzz', () => {
  const escaped: string[] = [];
  const onError = (e: ErrorEvent): void => void escaped.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent): void =>
    void escaped.push(`unhandled rejection: ${String((e.reason as Error)?.message ?? e.reason)}`);
  let hass: FakeHass;

  before(async () => {
    hass = hostileHass(fakeHass(await loadRecording()));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => document.body.replaceChildren());

  for (const tag of TAGS) {
    it(`${tag}: random configs give a readable error or a render, never an escaped exception or injected HTML`, async function () {
      this.timeout(60_000);
      let rendered = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mixedArb, async (raw) => {
          const config =
            raw !== null && typeof raw === 'object' && !Array.isArray(raw)
              ? Object.fromEntries(
                  Object.entries(raw).map(([k, v]) => [k, v === TYPE_PLACEHOLDER ? `custom:${tag}` : v]),
                )
              : raw;
          const card = document.createElement(tag) as HTMLElement & {
            setConfig(c: unknown): void;
            hass: unknown;
            updateComplete?: Promise<unknown>;
          };
          try {
            card.setConfig(config);
          } catch (error) {
            refused += 1;
            expect(error).to.be.instanceOf(Error);
            expect((error as Error).name).to.equal('Error', (error as Error).stack);
            // Names the card, then says what is wrong (an empty key reads ":  is not an option").
            expect((error as Error).message).to.match(new RegExp(`^${tag}: .+`));
            expect((error as Error).message).to.not.match(/\bat \S+:\d+|TypeError|undefined is not/);
            return;
          }
          rendered += 1;
          card.hass = hass;
          card.style.width = '400px';
          card.style.display = 'block';
          document.body.append(card);
          await card.updateComplete;
          await new Promise((r) => setTimeout(r, 20));
          await card.updateComplete;
          expect(injected(card)).to.deep.equal([]);
          expect((card.shadowRoot?.textContent ?? '').trim()).to.not.equal('', 'never a blank card');
          card.remove();
        }),
        { numRuns: 40, seed: 9, includeErrorInReport: true },
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(escaped).to.deep.equal([]);
      expect((window as unknown as Record<string, unknown>)[PWNED]).to.equal(undefined);
      expect(refused, 'some configs are refused').to.be.greaterThan(0);
      expect(rendered, 'some configs render').to.be.greaterThan(0);
    });
  }
});
