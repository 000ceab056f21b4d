import { gapMarker, type Sample, type Series, type SeriesByRole } from '../model/sample.js';
import type { BrandProvider } from './types.js';

/**
 * Aux heater kW from relay steps: at every timestamp where any step changes, kW = sum over steps of
 * stepKw[i] while step i's last value > 0 (IVT: 1A02 = 3 kW, 1A03 = 6 kW). A step not yet seen
 * counts as off; while any step's last entry is a gap marker the total is unknown (a gap marker).
 */
export function combineAuxSteps(steps: ReadonlyArray<Series | undefined>, stepKw: readonly number[]): Series {
  const times = [...new Set(steps.flatMap((s) => (s ?? []).map((p) => p.t)))].sort((a, b) => a - b);
  const cursors = steps.map(() => -1);
  const out: Sample[] = [];
  for (const t of times) {
    let kw = 0;
    let unknown = false;
    steps.forEach((series, i) => {
      if (!series) return;
      let c = cursors[i] ?? -1;
      while (c + 1 < series.length && (series[c + 1]?.t ?? Infinity) <= t) c += 1;
      cursors[i] = c;
      if (series[c]?.gap === true) unknown = true;
      else if ((series[c]?.v ?? 0) > 0) kw += stepKw[i] ?? 0;
    });
    out.push(unknown ? gapMarker(t) : { t, v: kw });
  }
  return out;
}

/**
 * Signals a brand implies but does not log directly:
 * - compressor from compressor_speed > threshold, for brands whose compressor is read by speed
 * - alarm_active = (alarm_code != 0), when the code register holds the ACTIVE code and there is no
 *   flag register (NIBE 2A20). Never for a last-alarm register (IVT BA91): that would show a
 *   permanent alarm, a defect of the original system.
 * Gap markers carry over to the derived series.
 */
export function deriveSeries(series: SeriesByRole, provider: BrandProvider): SeriesByRole {
  const out: SeriesByRole = { ...series };
  const compressor = provider.compressor;
  if (compressor.kind === 'speed' && !out.compressor && out.compressor_speed) {
    out.compressor = out.compressor_speed.map((s) =>
      s.gap === true ? s : { t: s.t, v: s.v > compressor.threshold ? 1 : 0 },
    );
  }
  if (!out.alarm_active && out.alarm_code && !provider.alarm.codeIsLastNotActive) {
    out.alarm_active = out.alarm_code.map((s) => (s.gap === true ? s : { t: s.t, v: s.v !== 0 ? 1 : 0 }));
  }
  return out;
}
