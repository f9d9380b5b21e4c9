import type { SyncDB } from '../../src/syncdb/index.js';

/**
 * Deletes a thread: its root, its replies and the account drafts of it, in one commit. The thread
 * key is the root's epoch ms; rows and where clauses use ISO dates (SPEC "The chat document").
 */
export function deleteThreadRows(syncdb: SyncDB, threadKey: string): void {
  const ms = Number(threadKey);
  if (!Number.isFinite(ms)) throw new Error(`[room] not a thread key: ${threadKey}`);
  const rootDate = new Date(ms).toISOString();
  syncdb.delete({ event: 'chat', reply_to: rootDate });
  syncdb.delete({ event: 'chat', date: rootDate });
  syncdb.delete({ event: 'draft', date: -ms });
  syncdb.commit();
}
