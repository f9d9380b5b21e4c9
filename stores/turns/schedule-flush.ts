/** Runs a callback soon: a function that schedules one flush of batched events. */
export type ScheduleFlush = (flush: () => void) => void;

/**
 * One flush per animation frame while the page is visible (a frame is the most the eye can use),
 * else per microtask: hidden tabs pause animation frames, and events must never wait on that.
 */
export const scheduleFlushDefault: ScheduleFlush = (flush) => {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else queueMicrotask(flush);
};
