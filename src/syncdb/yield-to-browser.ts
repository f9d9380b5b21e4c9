/**
 * Ways for long client work to give the page its turn. `nextTask` resolves in a new task (a
 * MessageChannel message: no 4 ms clamp of nested timers), so input and rendering can run between
 * slices. `afterNextPaint` resolves once the browser has painted what is shown now (a frame, then a
 * task), or after `fallbackMs` where frames do not come (Node, a hidden tab).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, fallbackMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
