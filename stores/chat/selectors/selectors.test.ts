import { MemorySyncDB, keyToIso } from '../../../src/syncdb/index.js';
import { createChatStore } from '../create-chat-store.js';
import { chatRow } from '../testing/build-chat-rows.js';
import { selectLatestUsage } from './select-latest-usage.js';
import { selectThreadMessages } from './select-thread-messages.js';
import { selectThreadSections } from './select-thread-sections.js';
import { selectUnreadCounts } from './select-unread-counts.js';

const NOW = Date.UTC(2024, 4, 10, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function store(rows: Record<string, unknown>[]) {
  const db = new MemorySyncDB(rows);
  return { db, store: createChatStore(db, { accountId: 'alice' }) };
}

describe('selectThreadSections', () => {
  const { store: chat } = store([
    chatRow(NOW - 2 * HOUR, 'bob', 'today'),
    chatRow(NOW - 30 * HOUR, 'bob', 'yesterday'),
    chatRow(NOW - 3 * DAY, 'bob', 'this week'),
    chatRow(NOW - 30 * DAY, 'bob', 'old but pinned', { pin: true }),
    chatRow(NOW - 40 * DAY, 'bob', 'old'),
    chatRow(NOW - 40 * DAY + 1, 'bob', 'reply making it recent', { reply_to: keyToIso(NOW - 40 * DAY) }),
    chatRow(NOW - 1 * HOUR, 'bob', 'reply making it recent', { reply_to: keyToIso(NOW - 40 * DAY) }),
  ]);

  it('groups threads into pinned, today, yesterday, last 7 days and older, newest first', () => {
    const sections = selectThreadSections(chat.getState(), NOW);
    expect(sections.map((section) => [section.key, section.threads.map((thread) => thread.label)])).toEqual([
      ['pinned', ['old but pinned']],
      ['today', ['old', 'today']],
      ['yesterday', ['yesterday']],
      ['last7days', ['this week']],
    ]);
    expect(selectThreadSections(chat.getState(), NOW + 10 * DAY).map((section) => section.key)).toEqual(['pinned', 'older']);
  });

  it('returns the same sections for the same state and time', () => {
    expect(selectThreadSections(chat.getState(), NOW)).toBe(selectThreadSections(chat.getState(), NOW));
  });
});

describe('selectThreadMessages', () => {
  it('keeps the same array when another thread changes, and a new one when its own does', () => {
    const { db, store: chat } = store([chatRow(NOW, 'alice', 'a'), chatRow(NOW + 5, 'bob', 'b', { reply_to: keyToIso(NOW) }), chatRow(NOW + 100, 'bob', 'other')]);
    const before = selectThreadMessages(chat.getState(), String(NOW));
    db.set(chatRow(NOW + 101, 'bob', 'other reply', { reply_to: keyToIso(NOW + 100) }));
    db.commit();
    expect(selectThreadMessages(chat.getState(), String(NOW))).toBe(before);
    db.set({ date: keyToIso(NOW + 5), sender_id: 'bob', event: 'chat', feedback: { alice: 'up' } });
    db.commit();
    const after = selectThreadMessages(chat.getState(), String(NOW));
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(selectThreadMessages(chat.getState(), 'missing')).toEqual([]);
  });
});

describe('selectLatestUsage', () => {
  it('returns the usage of the newest agent row that has one', () => {
    const { db, store: chat } = store([
      chatRow(NOW, 'alice', 'go', { acp_config: { agent: 'codex' } }),
      chatRow(NOW + 1, 'codex', 'one', { reply_to: keyToIso(NOW), acp_usage: { used: 10, size: 100 } }),
      chatRow(NOW + 2, 'codex', 'two', { reply_to: keyToIso(NOW), acp_usage: { used: 40, size: 100, cost: { amount: 0.1, currency: 'USD' } } }),
      chatRow(NOW + 3, 'alice', 'thanks', { reply_to: keyToIso(NOW) }),
    ]);
    expect(selectLatestUsage(chat.getState(), String(NOW))).toEqual({ used: 40, size: 100, cost: { amount: 0.1, currency: 'USD' } });
    db.delete({ date: keyToIso(NOW + 2), sender_id: 'codex', event: 'chat' });
    db.commit();
    expect(selectLatestUsage(chat.getState(), String(NOW))).toEqual({ used: 10, size: 100 });
    expect(selectLatestUsage(chat.getState(), 'missing')).toBeUndefined();
  });
});

describe('selectUnreadCounts', () => {
  it('counts unread messages per thread from read-<account> on the root', () => {
    const { store: chat } = store([
      chatRow(NOW, 'bob', 'a', { 'read-alice': 1 }),
      chatRow(NOW + 1, 'bob', 'b', { reply_to: keyToIso(NOW) }),
      chatRow(NOW + 2, 'bob', 'c', { reply_to: keyToIso(NOW) }),
      chatRow(NOW + 10, 'bob', 'read', { 'read-alice': 5 }),
      chatRow(NOW + 20, 'bob', 'new'),
    ]);
    const counts = selectUnreadCounts(chat.getState());
    expect(counts).toEqual({ byThread: { [String(NOW)]: 2, [String(NOW + 20)]: 1 }, total: 3 });
    expect(selectUnreadCounts(chat.getState())).toBe(counts);
  });
});
