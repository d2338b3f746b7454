/**
 * @module Rate limit on failed authentication per remote address: after `limit` failures within a
 * minute, the address is refused (HTTP 429) without its tokens being looked at until that minute
 * has passed. Guessing tokens is hopeless anyway (HMAC-SHA256); this keeps a noisy client from
 * filling logs and CPU. The table is bounded: the oldest addresses go first.
 */

export const FAILURE_WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

export interface FailureLimiter {
  /** Whether the address is blocked now. */
  blocked(address: string): boolean;
  /** Counts a failure; returns the failure count when this one starts a block (for the audit log), else 0. */
  failed(address: string): number;
}

export function createFailureLimiter(limit: number, now: () => number = Date.now): FailureLimiter {
  const table = new Map<string, { since: number; failures: number; blockedUntil: number }>();
  const entry = (address: string) => {
    const t = now();
    let e = table.get(address);
    if (e && t - e.since >= FAILURE_WINDOW_MS && e.blockedUntil <= t) {
      table.delete(address);
      e = undefined;
    }
    if (!e) {
      if (table.size >= MAX_ADDRESSES) table.delete(table.keys().next().value!);
      e = { since: t, failures: 0, blockedUntil: 0 };
      table.set(address, e);
    }
    return e;
  };
  return {
    blocked(address) {
      const e = table.get(address);
      return e !== undefined && e.blockedUntil > now();
    },
    failed(address) {
      const e = entry(address);
      e.failures++;
      if (e.failures === limit) {
        e.blockedUntil = e.since + FAILURE_WINDOW_MS;
        return e.failures;
      }
      return 0;
    },
  };
}
