/** Thrown when too many password hashes are waiting: the caller answers 503, try again soon. */
export class HashQueueFullError extends Error {
  constructor() {
    super('Too many logins at once. Try again in a few seconds.');
  }
}

/**
 * Runs at most `maxRunning` jobs at once with at most `maxWaiting` queued. scrypt runs on libuv's
 * small thread pool, which the hub's file reads share: a burst of logins must neither take all of
 * it nor queue without bound (each waiting login holds a request open).
 */
export function createGate(maxRunning: number, maxWaiting: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  return async function run<T>(job: () => Promise<T>): Promise<T> {
    if (running >= maxRunning) {
      if (waiting.length >= maxWaiting) throw new HashQueueFullError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot to the next waiter directly, so `running` never over-counts.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
