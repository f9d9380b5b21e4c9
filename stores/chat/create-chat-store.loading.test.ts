import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from '../../src/syncdb/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectThread } from './index.js';

const iso = (ms: number) => new Date(ms).toISOString();
const message = (ms: number, root?: number) => ({
  event: 'chat',
  sender_id: 'ann',
  date: iso(ms),
  history: [{ author_id: 'ann', content: `at ${ms}`, date: iso(ms) }],
  ...(root === undefined ? {} : { reply_to: iso(root) }),
});

/** A MemorySyncDB that says it is still arriving until `finish` (as a thread-first RemoteSyncDB does). */
function arriving(): { syncdb: SyncDB & MemorySyncDB; finish(): void } {
  const syncdb = new MemorySyncDB([message(1_000), message(2_000), message(2_500, 2_000)]) as SyncDB & MemorySyncDB;
  let finish = () => {};
  let loading: Promise<void> | undefined = new Promise<void>((resolve) => (finish = resolve));
  Object.defineProperty(syncdb, 'loading', { get: () => loading });
  return {
    syncdb,
    finish: () => {
      loading = undefined;
      finish();
    },
  };
}

describe('chat store: a document that is still arriving', () => {
  it('says so until the document is whole, and counts the rows that come meanwhile', async () => {
    const { syncdb, finish } = arriving();
    const store = createChatStore(syncdb, { accountId: 'ann' });
    expect(store.getState().loading).toBe(true);
    expect(selectThread(store.getState(), '2000')?.messageCount).toBe(2);
    syncdb.set(message(2_600, 2_000));
    syncdb.commit();
    expect(selectThread(store.getState(), '2000')?.messageCount).toBe(3);
    finish();
    await Promise.resolve();
    expect(store.getState().loading).toBe(false);
    store.destroy();
  });

  it('is whole from the start on a document without `loading`', () => {
    const store = createChatStore(new MemorySyncDB([message(1_000)]), { accountId: 'ann' });
    expect(store.getState().loading).toBe(false);
    store.destroy();
  });

  it('leaves a destroyed store alone when the document becomes whole later', async () => {
    const { syncdb, finish } = arriving();
    const store = createChatStore(syncdb, { accountId: 'ann' });
    store.destroy();
    finish();
    await Promise.resolve();
    expect(store.getState().loading).toBe(true);
  });
});
