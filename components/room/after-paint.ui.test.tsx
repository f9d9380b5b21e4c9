import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint.js';

describe('afterPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs once, in a task after the next frame; the fallback does not run it again', async () => {
    let runs = 0;
    afterPaint(() => (runs += 1), 300);
    expect(runs).toBe(0);
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 150 }); // the frame, well before the fallback
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(runs).toBe(1);
  });

  it('runs after the fallback where frames do not come (a hidden tab), and not at all once cancelled', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0); // a frame that never comes
    vi.stubGlobal('cancelAnimationFrame', () => {});
    let late = 0;
    afterPaint(() => (late += 1), 50);
    let cancelled = 0;
    const cancel = afterPaint(() => (cancelled += 1), 50);
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(late).toBe(1);
    expect(cancelled).toBe(0);
  });
});
