/** One InfluxDB point as the simulator writes it; `t` is epoch ms. */
export interface InfluxPoint {
  readonly measurement: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, number | string>>;
  readonly t: number;
}

const escapeMeasurement = (s: string): string => s.replace(/[\\, ]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const escapeTag = (s: string): string => s.replace(/[\\,= ]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const escapeFieldString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The series key part of a line (measurement and sorted tags), computed once per register. */
export function seriesKey(measurement: string, tags: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(tags)
    .filter((k) => tags[k] !== '')
    .sort();
  return [
    escapeMeasurement(measurement),
    ...sorted.map((k) => `${escapeTag(k)}=${escapeTag(tags[k] ?? '')}`),
  ].join(',');
}

/** InfluxDB line protocol with millisecond precision (write with precision=ms). */
export function toLineProtocol(point: InfluxPoint): string {
  const fields = Object.entries(point.fields)
    .map(([k, v]) => `${escapeTag(k)}=${typeof v === 'number' ? String(v) : escapeFieldString(v)}`)
    .join(',');
  return `${seriesKey(point.measurement, point.tags)} ${fields} ${point.t}`;
}
