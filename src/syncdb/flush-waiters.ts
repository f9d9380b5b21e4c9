type Waiter = { upTo: number; resolve(): void; reject(error: Error): void };

/**
 * Promises waiting for numbered writes to be answered: `wait(n)` resolves once every write up to
 * `n` is, as told by `settle(oldestUnanswered)`.
 */
export class FlushWaiters {
  private readonly waiters: Waiter[] = [];

  wait(upTo: number, oldestUnanswered: number): Promise<void> {
    if (oldestUnanswered > upTo) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
  }

  /** Resolves the waiters whose writes are all older than `oldestUnanswered`. */
  settle(oldestUnanswered: number): void {
    for (let index = this.waiters.length - 1; index >= 0; index -= 1) {
      if (this.waiters[index].upTo >= oldestUnanswered) continue;
      this.waiters[index].resolve();
      this.waiters.splice(index, 1);
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
