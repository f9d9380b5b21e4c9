// The hub's audit writer: record() is synchronous and O(1) (it never waits on the database, so it
// never slows a turn), rows go to the database in batches, a failed write is logged and retried.
import { appendAudit, type Queryable } from '../db/index.js';
import { normalizeAuditEntry, type AuditEntry } from './audit-entry.js';

/** What the hub, the router and the login service write audit rows through. */
export type AuditLog = {
  /** Queues a row (stamped now when it has no `at`); never throws, never waits. */
  record(entry: AuditEntry): void;
  /** Writes what is queued now; resolves when written, or after a failed attempt (the rows stay queued for the retry). */
  flush(): Promise<void>;
  /** Rows waiting and rows dropped because the queue was full (the database was away too long). */
  stats(): { queued: number; dropped: number };
};

export type AuditLogOptions = {
  /** Rows kept while the database is unavailable; past it new rows are dropped (and counted, and logged). */
  maxQueued?: number;
  /** Rows per insert statement. */
  batchSize?: number;
  /** First retry delay after a failed write (doubles up to maxRetryMs). */
  retryMs?: number;
  maxRetryMs?: number;
  /** Where problems are told (never with row contents: a command line may name private things). */
  warn?: (message: string) => void;
};

export function createAuditLog(db: Queryable, options: AuditLogOptions = {}): AuditLog {
  const maxQueued = options.maxQueued ?? 50_000;
  const batchSize = options.batchSize ?? 500;
  const firstRetryMs = options.retryMs ?? 200;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const warn = options.warn ?? ((message: string) => console.warn(`[audit] ${message}`));
  const queue: AuditEntry[] = [];
  let dropped = 0;
  let droppedUntold = 0;
  let writing: Promise<boolean> | null = null;
  let scheduled = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = firstRetryMs;

  // Writes batches until the queue is empty (true) or a write fails (false, a retry is scheduled).
  async function drain(): Promise<boolean> {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      try {
        await appendAudit(db, batch);
      } catch (error) {
        warn(`writing ${batch.length} audit row(s) failed, retrying in ${retryMs} ms: ${messageOf(error)}`);
        scheduleRetry();
        return false;
      }
      queue.splice(0, batch.length);
      retryMs = firstRetryMs;
      if (droppedUntold > 0) {
        warn(`${droppedUntold} audit row(s) were dropped while the database was unavailable (queue full at ${maxQueued})`);
        droppedUntold = 0;
      }
    }
    return true;
  }

  function write(): Promise<boolean> {
    writing ??= drain().finally(() => {
      writing = null;
    });
    return writing;
  }

  function scheduleRetry(): void {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void write();
    }, retryMs);
    retryTimer.unref?.();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  }

  function schedule(): void {
    // While a retry waits, new rows wait with it (no hammering of a database that is away).
    if (scheduled || retryTimer) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void write();
    });
  }

  return {
    record(entry) {
      try {
        if (queue.length >= maxQueued) {
          dropped++;
          droppedUntold++;
          return;
        }
        queue.push(normalizeAuditEntry(entry, new Date()));
        schedule();
      } catch (error) {
        warn(`an audit row could not be queued: ${messageOf(error)}`);
      }
    },
    async flush() {
      // A write in flight may have taken its batch before the newest rows came: go on until empty or failed.
      while (queue.length > 0 && (await write()));
    },
    stats: () => ({ queued: queue.length, dropped }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
