import { startTransition, useEffect, useState } from 'react';

/** Rows rendered on the first pass: a full sidebar at 900 px (each row costs ~7 ms to mount in Chromium here). */
export const FIRST_ROWS = 24;
const ROWS_PER_STEP = 40;

/** The longest the first step waits for the browser to be idle. */
const FIRST_STEP_TIMEOUT_MS = 1_000;

/**
 * How many of `total` rows to render now: FIRST_ROWS at first, then ROWS_PER_STEP more per task in
 * a transition, until all are there. Why: a chat with hundreds of threads would otherwise render
 * every sidebar row in the task that opens it, before the first screen shows; the rest now come in
 * interruptible steps after it. The first step waits until the browser is idle: started at once, the
 * steps took the frames the opened thread needs to finish its first screen (with the plain unread
 * counts of the same commit, the open of a 10,000-message chat went 416 -> 358 ms side by side).
 */
export function useRenderLimit(total: number): number {
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (limit >= total) return;
    const step = () => startTransition(() => setLimit((current) => current + ROWS_PER_STEP));
    if (limit === FIRST_ROWS && typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(step, { timeout: FIRST_STEP_TIMEOUT_MS });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(step);
    return () => clearTimeout(timer);
  }, [limit, total]);
  return Math.min(limit, total);
}
