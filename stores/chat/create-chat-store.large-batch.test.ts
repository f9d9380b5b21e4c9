import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import { chatRow } from './testing/build-chat-rows.js';
import { createChatStore } from './create-chat-store.js';
import { selectProblems } from './selectors/select-entries.js';
import type { ChatState } from './chat-types.js';

const T0 = Date.UTC(2024, 4, 1);

function data(state: ChatState) {
  const { accountId, messages, threads, threadMessageKeys, drafts, problems } = state;
  return { accountId, messages, threads, threadMessageKeys, drafts, problems };
}

// A batch of many rows skips clearing problems when there were none; with problems it must clear them.
describe('chat store, one change of many rows', () => {
  it('clears the problems a large batch resolves, as a rebuilt store has them', () => {
    const db = new MemorySyncDB([
      chatRow(T0, 'bob', 'hidden behind alice'),
      chatRow(T0, 'alice', 'shown'),
      { ...chatRow(T0 + 1000, 'carol', 'bad'), history: 5 },
    ]);
    const store = createChatStore(db, { accountId: 'alice' });
    expect(selectProblems(store.getState()).map((entry) => entry.problems[0])).toEqual([expect.stringMatching(/^hidden: alice/), expect.stringMatching(/^history:/)]);
    db.delete({ date: keyToIso(T0), sender_id: 'alice', event: 'chat' });
    db.set(chatRow(T0 + 1000, 'carol', 'fixed'));
    for (let n = 0; n < 100; n += 1) db.set(chatRow(T0 + 10_000 + n * 1000, 'alice', `reply ${n}`, { reply_to: keyToIso(T0) }));
    db.commit();
    expect(selectProblems(store.getState())).toEqual([]);
    const rebuilt = createChatStore(db, { accountId: 'alice' });
    expect(data(store.getState())).toEqual(data(rebuilt.getState()));
    store.destroy();
    rebuilt.destroy();
  });
});

// Batches of LARGE_BATCH_ROWS rows and more are applied without Immer (applyLargeBatch).
describe('chat store, one change of thousands of rows (no Immer)', () => {
  it('equals a store rebuilt from the rows, frozen, untouched parts shared, through edits, deletions and drafts', () => {
    const db = new MemorySyncDB([chatRow(T0, 'alice', 'root'), chatRow(T0 + 500, 'bob', 'other root')]);
    const store = createChatStore(db, { accountId: 'alice' });
    const before = store.getState();
    for (let n = 1; n <= 600; n += 1) db.set(chatRow(T0 + n * 1000, n % 2 ? 'bob' : 'alice', `reply ${n}`, { reply_to: keyToIso(T0) }));
    db.set({ event: 'draft', sender_id: 'alice', date: -T0, input: 'a draft' });
    db.set({ ...chatRow(T0 + 999_999, 'carol', 'bad'), history: 5 });
    db.commit();
    const after = store.getState();
    const rebuilt = createChatStore(db, { accountId: 'alice' });
    expect(data(after)).toEqual(data(rebuilt.getState()));
    const frozenAll = (buckets: readonly object[]) => Object.isFrozen(buckets) && buckets.every((bucket) => Object.isFrozen(bucket) && Object.values(bucket).every((value) => Object.isFrozen(value)));
    expect([after.messages, after.threads, after.threadMessageKeys, after.problems].every(frozenAll)).toBe(true);
    expect(Object.isFrozen(after.drafts)).toBe(true);
    // The other root's thread was not touched: its summary is the same object.
    const other = (state: ChatState) => state.threads.find((bucket) => String(T0 + 500) in bucket)![String(T0 + 500)];
    expect(other(after)).toBe(other(before));
    // Then many rows go at once.
    for (let n = 1; n <= 400; n += 1) db.delete({ date: keyToIso(T0 + n * 1000), sender_id: n % 2 ? 'bob' : 'alice', event: 'chat' });
    db.commit();
    const again = createChatStore(db, { accountId: 'alice' });
    expect(data(store.getState())).toEqual(data(again.getState()));
    for (const each of [store, rebuilt, again]) each.destroy();
  });
});
