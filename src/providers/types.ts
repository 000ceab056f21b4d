import type { Role } from '../model/role.js';

/** How serious an alarm is; decides the colour of the KPI tile and HA automations. */
export type Severity = 'info' | 'warning' | 'error' | 'critical';

/** Languages the alarm tables are written in; other languages fall back to English. */
export type AlarmLanguage = 'en' | 'sv';

/** One alarm code's texts and severity. */
export interface AlarmText {
  readonly en: string;
  readonly sv: string;
  readonly severity: Severity;
}

/** Alarm code -> texts. Code 0 means "no alarm" in every brand. */
export type AlarmTable = Readonly<Record<number, AlarmText>>;

/**
 * The collector's `type` tag. It decides the collector's scaling (reference §1): temperature,
 * percentage, setpoint and flow are stored as raw/10; status, alarm, runtime, power, energy,
 * setting and current are stored as read.
 */
export type RegisterType =
  | 'temperature'
  | 'percentage'
  | 'setpoint'
  | 'flow'
  | 'status'
  | 'alarm'
  | 'runtime'
  | 'power'
  | 'energy'
  | 'setting'
  | 'current';

/**
 * How an aux-heater register feeds the `aux_heater` role (kW):
 * percent: kW = value/100 x nominalKw; step: one relay, kW = stepKw[auxStep] while value > 0 (all
 * step registers of a brand are summed); stepCount: value = number of steps on, kW = sum of the
 * first `value` entries of stepKw; kw: value is already kW.
 */
export type AuxInput = 'percent' | 'step' | 'stepCount' | 'kw';

/** One register (Husdata id) or one named signal of a brand, as stored in InfluxDB. */
export interface RegisterEntry {
  /** Husdata register id, 4 hex characters upper case (e.g. '0007'); for generic signals the role. */
  readonly registerId: string;
  /** The collector's `name` tag (snake_case). */
  readonly name: string;
  /** Canonical role it feeds; registers without a role are known but not used by the metrics. */
  readonly role?: Role;
  /** Unit of the stored value. */
  readonly unit: string;
  /**
   * Factor from the STORED value (after the collector's own division, see collectorDivides) to the
   * role's canonical unit: canonical = stored x scale + offset. 1 for almost every register.
   */
  readonly scale: number;
  /** Added after scaling (°C offsets for generic sensors); default 0. */
  readonly offset?: number;
  readonly type: RegisterType;
  /** True when the collector stored raw/10 (so stored = canonical unit for temperatures and %). */
  readonly collectorDivides: boolean;
  readonly meaning: string;
  /** For aux_heater entries: what the value means; only entries matching the brand's aux kind are used. */
  readonly auxInput?: AuxInput;
  /** For auxInput 'step': index into AuxConversion.stepKw. */
  readonly auxStep?: number;
  /** For state roles: on when canonical value > onThreshold (default 0). */
  readonly onThreshold?: number;
}

/** Aux heater conversion to kW; configurable per installation (nominal power differs by model). */
export type AuxConversion =
  | { readonly kind: 'percent'; readonly nominalKw: number }
  | { readonly kind: 'steps'; readonly stepKw: readonly number[] }
  | { readonly kind: 'kw' };

/**
 * How "compressor running" is read: onOff uses the compressor status register (value > 0);
 * speed derives it from compressor_speed > threshold when no on/off register is present.
 */
export type CompressorSemantics =
  { readonly kind: 'onOff' } | { readonly kind: 'speed'; readonly threshold: number };

/** Which stored valve values mean hot water; all others mean space heating. */
export interface ValveSemantics {
  readonly hotWaterValues: readonly number[];
  readonly description: string;
}

/**
 * Where alarms come from. codeIsLastNotActive: the code register keeps the last alarm after it
 * is cleared (IVT BA91), so only activeRole tells whether an alarm is active now. When activeRole
 * is null and the code is an active code, active = code != 0.
 */
export interface AlarmSource {
  readonly activeRole: Role | null;
  readonly codeRole: Role | null;
  readonly codeIsLastNotActive: boolean;
}

/** A text per operating-mode number. */
export type ModeTable = Readonly<Record<number, { readonly en: string; readonly sv: string }>>;

/** A brand: data only (DESIGN.md §5). The same mapping code (mapRows) serves every brand. */
export interface BrandProvider {
  readonly id: string;
  readonly displayName: string;
  readonly registers: readonly RegisterEntry[];
  readonly valve: ValveSemantics;
  readonly aux: AuxConversion;
  readonly compressor: CompressorSemantics;
  readonly alarm: AlarmSource;
  readonly alarms: AlarmTable;
  /** False when the alarm table could not be checked against a manufacturer source. */
  readonly alarmTableVerified: boolean;
  readonly operatingModes: ModeTable;
  /** Facts an installer should know (unverified registers, optional sensors). */
  readonly notes: readonly string[];
}
