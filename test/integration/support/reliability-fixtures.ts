/**
 * Shared pieces of the reliability tests: husdata lines for a steadily running Thermia, a polling
 * wait, a log sink that parses pino lines, and a state writer / HA session pair that records what
 * the bridge would publish (for InfluxDB faults, where Home Assistant is not under test).
 */
import type { HaSessionLike } from '../../../bridge/publish/ha-session.js';
import type { StateWriter } from '../../../bridge/publish/ha-rest.js';
import type { EntityState } from '../../../bridge/publish/state-builder.js';

export const H = 3_600_000;

/** Thermia husdata lines every `stepS` s over [from, to): running, 40/35 °C, 2000 W, outdoor given. */
export function thermiaLines(from: number, to: number, outdoor: number, stepS = 30): string[] {
  const out: string[] = [];
  for (let t = Math.ceil(from / 1000 / stepS) * stepS; t * 1000 < to; t += stepS) {
    out.push(
      `heatpump,register_id=0007,name=outdoor_temp,type=temperature,unit=°C value=${outdoor} ${t}`,
      `heatpump,register_id=0002,name=radiator_forward,type=temperature,unit=°C value=40 ${t}`,
      `heatpump,register_id=0001,name=radiator_return,type=temperature,unit=°C value=35 ${t}`,
      `heatpump,register_id=1A01,name=compressor_status,type=status value=1 ${t}`,
      `heatpump,register_id=1A07,name=switch_valve_status,type=status value=0 ${t}`,
      `heatpump,register_id=CFAA,name=power_consumption,type=power,unit=W value=2000 ${t}`,
      `heatpump,register_id=1A20,name=alarm_status,type=alarm value=0 ${t}`,
      `heatpump,register_id=2A91,name=alarm_code,type=alarm value=0 ${t}`,
    );
  }
  return out;
}

/** Polls `fn` every 200 ms until it returns something other than undefined. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve()
      .then(fn)
      .catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface LogRecord {
  msg?: string;
  err?: string;
  level?: number;
  [key: string]: unknown;
}

/** A pino destination keeping raw lines and parsed records. */
export class LogSink {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get records(): LogRecord[] {
    return this.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogRecord);
  }
  /** Records with this message, optionally only those after the first `skip` lines. */
  find(msg: string, fromLine = 0): LogRecord[] {
    return this.lines
      .slice(fromLine)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogRecord)
      .filter((r) => r.msg === msg);
  }
}

/** Records every state write; `latest` holds the last state per entity. */
export class RecordingWriter implements StateWriter {
  readonly latest = new Map<string, EntityState>();
  writes = 0;
  async write(state: EntityState): Promise<void> {
    this.writes += 1;
    this.latest.set(state.entity_id, state);
  }
  /** State strings of the given entities, for before/after comparisons. */
  pick(ids: readonly string[]): Record<string, string | undefined> {
    return Object.fromEntries(ids.map((id) => [id, this.latest.get(id)?.state]));
  }
}

/** An HA session that is always connected and never asked anything (statistics are off). */
export function idleSession(): HaSessionLike {
  return {
    connected: true,
    haVersion: 'test',
    start: async () => undefined,
    stop: async () => undefined,
    onReady: () => () => undefined,
    command: async () => {
      throw new Error('idleSession has no commands');
    },
  };
}
