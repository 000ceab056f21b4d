/**
 * How long a sample's value holds in the cards' metrics. HA records a state only when it changes, so
 * a steady temperature or an "off" compressor may hold for hours: the core's 15-minute staleness
 * (made for 30 s loggers) would cut them into gaps. Also the bound within which repeated samples are
 * dropped (drop-repeats.ts), so dropping them never opens a gap the metrics would see.
 */
export const HA_STALE_MS = 6 * 3_600_000;
