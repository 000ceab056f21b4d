/** A bad command-line value (e.g. an unparseable date). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses an ISO date or date-time; a bare date is midnight UTC. */
export function parseIsoTime(value: string, flag: string): number {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (!Number.isFinite(t))
    throw new UsageError(`${flag}: not an ISO 8601 date or time: ${JSON.stringify(value)}`);
  return t;
}
