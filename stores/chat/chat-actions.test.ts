import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectMessage, selectThread } from './selectors/select-entries.js';
import { selectThreadMessages } from './selectors/select-thread-messages.js';

const T0 = Date.UTC(2024, 4, 1, 10);

function setup() {
  let clock = T0;
  const db = new MemorySyncDB();
  const store = createChatStore(db, { accountId: 'alice', now: () => clock });
  return { db, store, actions: store.actions, tick: (ms: number) => (clock += ms) };
}

describe('chat store actions', () => {
  it('sends a new thread and a reply as ISO-dated rows, each with its own millisecond', () => {
    const { db, store, actions } = setup();
    const root = actions.sendMessage({ text: 'hello' });
    const reply = actions.sendMessage({ text: 'again', threadKey: root.threadKey });
    expect(root).toEqual({ key: String(T0), date: keyToIso(T0), threadKey: String(T0) });
    expect(reply).toEqual({ key: String(T0 + 1), date: keyToIso(T0 + 1), threadKey: String(T0) });
    expect(db.get_one({ date: reply.date, sender_id: 'alice', event: 'chat' })).toEqual({
      event: 'chat',
      date: '2024-05-01T10:00:00.001Z',
      sender_id: 'alice',
      reply_to: '2024-05-01T10:00:00.000Z',
      history: [{ author_id: 'alice', content: 'again', date: '2024-05-01T10:00:00.001Z' }],
      schema_version: 1,
    });
    expect(selectThreadMessages(store.getState(), root.threadKey).map((message) => message.history[0].content)).toEqual(['hello', 'again']);
  });

  it('refuses a reply to a thread that does not exist', () => {
    const { actions } = setup();
    expect(() => actions.sendMessage({ text: 'x', threadKey: '123' })).toThrow('[chat-store] no root message for thread 123');
  });

  it('creates an agent thread with its acp_config and merges config updates', () => {
    const { db, store, actions } = setup();
    const { threadKey, date } = actions.createAgentThread({ text: 'fix the build', config: { agent: 'codex', model: 'gpt-5', sessionMode: 'workspace-write' }, name: 'Build' });
    expect(selectThread(store.getState(), threadKey)).toMatchObject({ isAgent: true, agent: 'codex', model: 'gpt-5', label: 'Build' });
    actions.updateThreadConfig(threadKey, { model: 'gpt-5-mini', sessionMode: null, workingDirectory: 'src' });
    // Who saved it and when go with the config, for the session-config modal's "last changed by" line.
    expect(db.get_one({ date, sender_id: 'alice', event: 'chat' })?.acp_config).toEqual({ agent: 'codex', model: 'gpt-5-mini', workingDirectory: 'src', changedBy: 'alice', changedAt: keyToIso(T0) });
    expect(selectThread(store.getState(), threadKey)?.model).toBe('gpt-5-mini');
  });

  it('edits a message by adding a history entry, newest first', () => {
    const { store, actions, tick } = setup();
    const { key } = actions.sendMessage({ text: 'frist' });
    tick(60_000);
    actions.editMessage(key, 'first');
    expect(selectMessage(store.getState(), key)?.history).toEqual([
      { author_id: 'alice', content: 'first', date: keyToIso(T0 + 60_000) },
      { author_id: 'alice', content: 'frist', date: keyToIso(T0) },
    ]);
  });

  it('sets and removes the account\'s feedback without touching others\'', () => {
    const { db, store, actions } = setup();
    const { key, date } = actions.sendMessage({ text: 'x' });
    db.set({ date, sender_id: 'alice', event: 'chat', feedback: { bob: 'down' } });
    db.commit();
    actions.setFeedback(key, 'up');
    expect(selectMessage(store.getState(), key)?.feedback).toEqual({ bob: 'down', alice: 'up' });
    actions.setFeedback(key, null);
    expect(selectMessage(store.getState(), key)?.feedback).toEqual({ bob: 'down' });
  });

  it('pins, folds, renames and marks a thread read', () => {
    const { store, actions } = setup();
    const { threadKey } = actions.sendMessage({ text: 'a long first message that has more than eight words in it' });
    actions.sendMessage({ text: 'b', threadKey });
    const thread = () => selectThread(store.getState(), threadKey)!;
    expect(thread()).toMatchObject({ label: 'a long first message that has more than…', unreadCount: 2, pinned: false, folded: false });
    actions.setPinned(threadKey, true);
    actions.setFolded(threadKey, true);
    actions.renameThread(threadKey, '  Plan  ');
    actions.markRead(threadKey);
    expect(thread()).toMatchObject({ label: 'Plan', unreadCount: 0, pinned: true, folded: true });
    actions.setFolded(threadKey, false);
    actions.renameThread(threadKey, ' ');
    expect(thread()).toMatchObject({ label: 'a long first message that has more than…', folded: false });
    expect(selectMessage(store.getState(), threadKey)).not.toHaveProperty('name');
  });

  it('sets and clears drafts of a new thread and of a reply', () => {
    const { db, store, actions } = setup();
    const { threadKey } = actions.sendMessage({ text: 'root' });
    actions.setDraft(null, 'new thread text');
    actions.setDraft(threadKey, 'reply text');
    expect(db.get({ event: 'draft' }).map((row) => row.date).sort()).toEqual([-T0, 0]);
    expect(store.getState().drafts).toEqual({
      new: { key: 'new', input: 'new thread text', active: T0 },
      [threadKey]: { key: threadKey, input: 'reply text', active: T0 },
    });
    actions.clearDraft(null);
    actions.clearDraft(threadKey);
    expect(store.getState().drafts).toEqual({});
    expect(db.get({ event: 'draft' })).toEqual([]);
  });
});
