/**
 * @module A token bucket per connection. It never drops a message: a message that arrives with
 * the bucket empty is still processed, and the caller stops reading the socket for `waitMs`, so
 * a flooding client is slowed down by TCP backpressure instead of losing data.
 */

export interface TokenBucket {
  /** Takes one token; returns 0 when the message was within the limit, else ms until reading may resume. */
  take(): number;
}

export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number = performance.now.bind(performance)): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) * ratePerSecond) / 1000);
      last = t;
      tokens -= 1;
      // Over the limit: wait until one whole token is back.
      return tokens >= 0 ? 0 : Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
    },
  };
}
