/** Small WebSocket and polling helpers for the end-to-end tests. */
import type { Connection, HassEntity } from 'home-assistant-js-websocket';

/** Polls `probe` until it answers something other than undefined; errors count as "not yet". */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function getStates(conn: Connection): Promise<Map<string, HassEntity>> {
  const list = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
  return new Map(list.map((s) => [s.entity_id, s]));
}

export async function getState(conn: Connection, entityId: string): Promise<HassEntity | undefined> {
  return (await getStates(conn)).get(entityId);
}

/** Waits until the recorder queue is empty (imports and state writes are asynchronous), plus a commit. */
export async function recorderIdle(conn: Connection, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    'an idle recorder',
    async () =>
      (await conn.sendMessagePromise<{ backlog: number | null }>({ type: 'recorder/info' })).backlog === 0
        ? true
        : undefined,
    timeoutMs,
  );
  await new Promise((r) => setTimeout(r, 1_500));
}

/** One statistics row as `recorder/statistics_during_period` answers it (times in epoch ms). */
export interface StatisticsRow {
  start: number;
  end: number;
  mean?: number | null;
  min?: number | null;
  max?: number | null;
  sum?: number | null;
  state?: number | null;
  change?: number | null;
}

export function statisticsDuringPeriod(
  conn: Connection,
  req: { ids: string[]; from: number; to?: number; period: '5minute' | 'hour' | 'day'; types: string[] },
): Promise<Record<string, StatisticsRow[]>> {
  return conn.sendMessagePromise({
    type: 'recorder/statistics_during_period',
    start_time: new Date(req.from).toISOString(),
    ...(req.to !== undefined ? { end_time: new Date(req.to).toISOString() } : {}),
    statistic_ids: req.ids,
    period: req.period,
    types: req.types,
  });
}

/**
 * The user's language as the profile page stores it (frontend user data `language`); the frontend
 * follows it for every browser of that user, so tests set it back afterwards.
 */
export function setUserLanguage(conn: Connection, language: string): Promise<unknown> {
  return conn.sendMessagePromise({
    type: 'frontend/set_user_data',
    key: 'language',
    value: { language, number_format: 'language', time_format: 'language', date_format: 'language' },
  });
}
