/**
 * A fake `hass` whose WebSocket answers come from a recording of Home Assistant's wire format
 * (fixtures/ha-recording.json). Answers are shifted in time so the recorded end matches the
 * request's end, and filtered to the requested ids, as HA would. Every call is logged.
 */
import type { HassEntities, HassEntity, MessageBase } from 'home-assistant-js-websocket';
import type { HassLike } from '../../cards/data/hass-types.js';

interface RecordedCall {
  request: { type: string; period?: string; start_time: string; end_time: string };
  result: Record<string, Array<Record<string, unknown>>>;
}
export interface Recording {
  end_time: string;
  states: Record<string, HassEntity>;
  calls: RecordedCall[];
}

const cache = new Map<string, Promise<Recording>>();
/**
 * ha-recording.json: a synthetic day / month / year in the exact wire format (make-synthetic-recording.ts);
 * ha-recorded.json: answers of the real HA of the harness (record-ha-fixtures.ts).
 */
export function loadRecording(
  file: 'ha-recording.json' | 'ha-recorded.json' = 'ha-recording.json',
): Promise<Recording> {
  let recording = cache.get(file);
  if (!recording) {
    recording = fetch(new URL(`./fixtures/${file}`, import.meta.url)).then(
      (r) => r.json() as Promise<Recording>,
    );
    cache.set(file, recording);
  }
  return recording;
}

export interface FakeHass extends HassLike {
  calls: MessageBase[];
}

export function fakeHass(
  recording: Recording,
  options: { language?: string; darkMode?: boolean; states?: HassEntities; failWith?: string } = {},
): FakeHass {
  const calls: MessageBase[] = [];
  const recordedEnd = Date.parse(recording.end_time);
  return {
    calls,
    states: options.states ?? rebaseStates(recording.states, Date.now() - recordedEnd),
    language: options.language ?? 'en',
    locale: { language: options.language ?? 'en' },
    themes: { darkMode: options.darkMode ?? false },
    async callWS<T>(message: MessageBase): Promise<T> {
      calls.push(message);
      if (options.failWith) throw { code: 'unknown_error', message: options.failWith };
      const msg = message as MessageBase & {
        end_time: string;
        entity_ids?: string[];
        statistic_ids?: string[];
        period?: string;
      };
      const call =
        recording.calls.find((c) => c.request.type === msg.type && c.request.period === msg.period) ??
        recording.calls.find((c) => c.request.type === msg.type);
      if (!call) throw { code: 'unknown_command', message: `no recording for ${msg.type}` };
      const shiftMs = Date.parse(msg.end_time) - recordedEnd;
      const ids = msg.entity_ids ?? msg.statistic_ids ?? [];
      const out: Record<string, unknown[]> = {};
      for (const id of ids) {
        const rows = call.result[id];
        if (!rows) continue;
        out[id] = rows.map(
          (row) =>
            msg.type.startsWith('history/')
              ? { ...row, lu: (row.lu as number) + shiftMs / 1000 } // history: epoch seconds
              : { ...row, start: (row.start as number) + shiftMs, end: (row.end as number) + shiftMs }, // statistics: ms
        );
      }
      return out as T;
    },
  };
}

function rebaseStates(states: Record<string, HassEntity>, shiftMs: number): HassEntities {
  const out: HassEntities = {};
  for (const [id, s] of Object.entries(states)) {
    const iso = new Date(Date.parse(s.last_updated) + shiftMs).toISOString();
    out[id] = { ...s, last_updated: iso, last_changed: iso };
  }
  return out;
}

/** A new hass with one entity's state replaced (a new object, as HA does), all else identical. */
export function withState(hass: FakeHass, entityId: string, state: string, at = Date.now()): FakeHass {
  const iso = new Date(at).toISOString();
  const old = hass.states[entityId]!;
  return {
    ...hass,
    states: { ...hass.states, [entityId]: { ...old, state, last_updated: iso, last_changed: iso } },
  };
}

/** Waits until `check` is true, failing after `timeoutMs`. Polls with timers: animation frames pause in a background tab, and WTR runs two test pages at once. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
