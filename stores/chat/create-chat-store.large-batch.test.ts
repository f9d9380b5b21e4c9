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
