import { createGate, HashQueueFullError } from './hash-gate.js';

describe('hash gate', () => {
  it('runs at most maxRunning jobs at once, queues maxWaiting, refuses the rest', async () => {
    const run = createGate(2, 3);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      new Promise<string>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve('done');
        });
      });
    const accepted = Array.from({ length: 5 }, () => run(job));
    await expect(run(job)).rejects.toBeInstanceOf(HashQueueFullError);
    while (releases.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(most).toBe(2);
    // The slots are free again.
    const after = run(async () => 'again');
    expect(await after).toBe('again');
  });

  it('frees the slot of a job that fails', async () => {
    const run = createGate(1, 0);
    await expect(run(async () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await run(async () => 'next')).toBe('next');
  });
});
