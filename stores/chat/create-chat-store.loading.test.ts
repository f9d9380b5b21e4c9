import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from '../../src/syncdb/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectProblems, selectThread } from './index.js';
import { messageRow } from '../../src/syncdb/testing/message-row.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A MemorySyncDB that says it is still arriving until `finish` (as a thread-first RemoteSyncDB does). */
function arriving(): { syncdb: SyncDB & MemorySyncDB; finish(): void } {
  const syncdb = new MemorySyncDB([messageRow(1_000), messageRow(2_000), messageRow(2_500, { root: 2_000 })]) as SyncDB & MemorySyncDB;
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
    syncdb.set(messageRow(2_600, { root: 2_000 }));
    syncdb.commit();
    expect(selectThread(store.getState(), '2000')?.messageCount).toBe(3);
    finish();
    await Promise.resolve();
    expect(store.getState().loading).toBe(false);
    store.destroy();
  });

  it('applies the large changes of the rest together when the document is whole; small ones at once', async () => {
    const { syncdb, finish } = arriving();
    const store = createChatStore(syncdb, { accountId: 'ann' });
    const states = new Set([store.getState()]);
    store.subscribe((state) => void states.add(state));
    // A slice of the rest: 100 replies of thread 1000 (and a problem row among them).
    for (let reply = 1; reply <= 100; reply += 1) syncdb.set(messageRow(1_000 + reply, { root: 1_000 }));
    syncdb.set({ event: 'chat', sender_id: 'ann', date: iso(1_500), history: 'not a history' });
    syncdb.commit();
    expect(states.size).toBe(1);
    expect(selectThread(store.getState(), '1000')?.messageCount).toBe(1);
    // Your own write, meanwhile: shown at once.
    syncdb.set(messageRow(2_700, { root: 2_000 }));
    syncdb.commit();
    expect(selectThread(store.getState(), '2000')?.messageCount).toBe(3);
    finish();
    await Promise.resolve();
    expect(store.getState().loading).toBe(false);
    expect(selectThread(store.getState(), '1000')?.messageCount).toBe(101);
    expect(selectThread(store.getState(), '2000')?.messageCount).toBe(3);
    expect(selectProblems(store.getState())).toHaveLength(1);
    store.destroy();
  });

  it('is whole from the start on a document without `loading`', () => {
    const store = createChatStore(new MemorySyncDB([messageRow(1_000)]), { accountId: 'ann' });
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
