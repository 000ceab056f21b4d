import type { ProviderRow } from '../providers/map-rows.js';
import { getProvider } from '../providers/registry.js';
import type { RegisterEntry } from '../providers/types.js';
import type { SimFrame } from './frame.js';
import { HUSDATA_READERS } from './husdata-registers.js';
import type { RegisterReader } from './husdata-registers.js';
import type { InfluxPoint } from './influx-point.js';
import { seriesKey } from './influx-point.js';
import type { SimBrand, SimulatorOptions } from './options.js';

/** The original collector's measurement name. */
export const HUSDATA_MEASUREMENT = 'heatpump';

export interface WrittenRegister {
  readonly entry: RegisterEntry;
  readonly read: RegisterReader;
  readonly tags: Readonly<Record<string, string>>;
  readonly key: string;
}

/**
 * The gateway delivers integers; the collector divides some types by 10. So a stored temperature
 * has one decimal and a stored power, energy or status is whole.
 */
function storedResolution(entry: RegisterEntry): (v: number) => number {
  return entry.collectorDivides ? (v) => Math.round(v * 10) / 10 : (v) => Math.round(v);
}

/**
 * Frames -> what the original collector writes to InfluxDB for one brand (reference §1):
 * measurement `heatpump`, tags register_id / name / type / unit (unit only when non-empty),
 * one field `value`, every register of a poll at the same timestamp. Register names, types and
 * units come from the brand provider, so the bridge reads back exactly what was written.
 */
export class HusdataLayout {
  readonly registers: readonly WrittenRegister[];

  constructor(
    private readonly brand: SimBrand,
    private readonly options: SimulatorOptions,
  ) {
    const readers = HUSDATA_READERS[brand];
    const registers: WrittenRegister[] = [];
    for (const entry of getProvider(brand).registers) {
      const read = readers[entry.registerId];
      if (!read) continue;
      const tags: Record<string, string> = {
        register_id: entry.registerId,
        name: entry.name,
        type: entry.type,
      };
      if (entry.unit !== '') tags.unit = entry.unit;
      registers.push({ entry, read, tags, key: seriesKey(HUSDATA_MEASUREMENT, tags) });
    }
    this.registers = registers;
  }

  /** Calls `emit` for every register value of every frame (the allocation-free core of the others). */
  forEachValue(
    frames: readonly SimFrame[],
    emit: (register: WrittenRegister, value: number, t: number) => void,
  ): void {
    const rounders = this.registers.map((r) => storedResolution(r.entry));
    for (const f of frames) {
      this.registers.forEach((r, i) => {
        const raw = r.read(f, this.options);
        if (raw === undefined || !Number.isFinite(raw)) return;
        emit(r, (rounders[i] as (v: number) => number)(raw), f.t);
      });
    }
  }

  points(frames: readonly SimFrame[]): InfluxPoint[] {
    const out: InfluxPoint[] = [];
    this.forEachValue(frames, (r, value, t) =>
      out.push({ measurement: HUSDATA_MEASUREMENT, tags: r.tags, fields: { value }, t }),
    );
    return out;
  }

  /** Line protocol, millisecond precision; the fast path for writing a year into InfluxDB. */
  lines(frames: readonly SimFrame[]): string[] {
    const out: string[] = [];
    this.forEachValue(frames, (r, value, t) => out.push(`${r.key} value=${value} ${t}`));
    return out;
  }

  /** Rows as the bridge's InfluxDB source hands them to the provider's mapRows. */
  rows(frames: readonly SimFrame[]): ProviderRow[] {
    const out: ProviderRow[] = [];
    this.forEachValue(frames, (r, value, t) =>
      out.push({ t, registerId: r.entry.registerId, name: r.entry.name, value }),
    );
    return out;
  }

  get brandId(): SimBrand {
    return this.brand;
  }
}
