import type { EntityState } from '../publish/state-builder.js';
import type { WirePoint } from './entity-history.js';

/**
 * What HA's recorder does for the bridge's figures, in memory: every cycle's states, stored when
 * they change. COP now/today and the other computed entities have no source series, so their
 * history on the standalone page is what this recorded since the bridge started.
 */
export class StateRecorder {
  private readonly byEntity = new Map<string, WirePoint[]>();

  constructor(private readonly keepMs: number) {}

  record(states: readonly EntityState[], t: number): void {
    for (const s of states) {
      const value = stateNumber(s.state);
      let list = this.byEntity.get(s.entity_id);
      if (!list) this.byEntity.set(s.entity_id, (list = []));
      const last = list[list.length - 1];
      if (last && last[1] === value) continue;
      if (last && last[0] >= t) continue;
      list.push([t, value]);
      const cut = list.findIndex((p) => p[0] >= t - this.keepMs);
      if (cut > 0) list.splice(0, cut);
    }
  }

  /** Recorded points in [from, to] (the latest state is stamped "now" = to), plus the last one before `from` so a step line starts at the left edge. */
  history(entityId: string, from: number, to: number): WirePoint[] {
    const list = this.byEntity.get(entityId) ?? [];
    const out: WirePoint[] = [];
    for (const p of list) {
      if (p[0] > to) break;
      if (p[0] < from) {
        out.length = 0;
        out.push([from, p[1]]);
      } else out.push(p);
    }
    return out;
  }
}

/** HA state text as a number: numbers, on/off as 1/0; unavailable and text as a gap. */
export function stateNumber(state: string): number | null {
  if (state === 'on') return 1;
  if (state === 'off') return 0;
  const v = Number(state);
  return state.trim() !== '' && Number.isFinite(v) ? v : null;
}
