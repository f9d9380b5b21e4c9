import { useEffect, useState } from 'react';

/**
 * Runs `callback` once the browser has painted what is on screen now: after the next frame, in a
 * new task; or after `fallbackMs` where frames do not come (a hidden tab, jsdom). Returns a cancel.
 */
export function afterPaint(callback: () => void, fallbackMs: number): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  // Whichever comes first runs it and cancels the other.
  const run = () => {
    cancel();
    callback();
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (task = setTimeout(run, 0))) : undefined;
  const fallback = setTimeout(run, fallbackMs);
  function cancel() {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(task);
    clearTimeout(fallback);
  }
  return cancel;
}

/** False while the first screen renders, true once it has been painted (see afterPaint). */
export function usePainted(fallbackMs = 500): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true), fallbackMs), [fallbackMs]);
  return painted;
}
