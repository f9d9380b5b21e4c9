/** How many failures a key may have within a window. */
export type FailureLimit = { maxFailures: number; windowMs: number };

/** A refused attempt: how long until the oldest failure in the window has aged out. */
export type LimitState = { limited: false } | { limited: true; retryAfterMs: number };

/** Keys remembered at most; the least recently failed ones are forgotten first. */
export const MAX_LIMITER_KEYS = 10_000;

/**
 * Failed attempts per key (an IP, an email) in a sliding window. Memory is bounded: a key keeps at
 * most `maxFailures` times and at most `maxKeys` keys are kept (a flood of made-up emails evicts the
 * oldest ones, which is why the per-IP limit exists beside the per-email one).
 */
export function createFailureLimiter(limit: FailureLimit, maxKeys = MAX_LIMITER_KEYS) {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (failures.get(key) ?? []).filter((at) => now - at < limit.windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    /** Whether `key` has used up its failures at `now`. */
    state(key: string, now = Date.now()): LimitState {
      const times = recent(key, now);
      if (times.length < limit.maxFailures) return { limited: false };
      return { limited: true, retryAfterMs: Math.max(1, times[0] + limit.windowMs - now) };
    },
    /** One more failure of `key` at `now`. */
    fail(key: string, now = Date.now()): void {
      const times = [...recent(key, now), now].slice(-limit.maxFailures);
      failures.delete(key); // re-insert: Map order is the eviction order
      failures.set(key, times);
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    /** Forget `key`'s failures (after a successful login). */
    clear(key: string): void {
      failures.delete(key);
    },
    /** Keys currently remembered. */
    size: () => failures.size,
  };
}

/** One failure limiter. */
export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
