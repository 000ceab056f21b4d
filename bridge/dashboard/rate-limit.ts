/**
 * Token bucket: `capacity` requests at once, then one more every `refillMs`. Used per client for
 * `request_update`, which makes the server query and compute.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly options: { capacity: number; refillMs: number },
    now: number,
  ) {
    this.tokens = options.capacity;
    this.updatedAt = now;
  }

  /** Takes a token if there is one; returns 0 when allowed, else the ms until the next token. */
  take(now: number): number {
    const { capacity, refillMs } = this.options;
    const refilled = Math.floor((now - this.updatedAt) / refillMs);
    if (refilled > 0) {
      this.tokens = Math.min(capacity, this.tokens + refilled);
      this.updatedAt = this.tokens === capacity ? now : this.updatedAt + refilled * refillMs;
    }
    if (this.tokens > 0) {
      this.tokens -= 1;
      return 0;
    }
    return refillMs - (now - this.updatedAt);
  }
}
