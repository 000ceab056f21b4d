/** Process exit codes; documented in docs/CONFIGURATION.md so scripts can tell failures apart. */
export const EXIT = {
  ok: 0,
  /** A runtime failure (a service unreachable during `check`, a failed report ...). */
  failure: 1,
  /** The configuration is invalid; the message names the key. */
  config: 2,
  /** InfluxDB or Home Assistant rejected the credentials. */
  auth: 3,
  /** Wrong command line (unknown option, bad date). */
  usage: 64,
} as const;
