import { readFileSync } from 'node:fs';
import { MemorySyncDB, keyString, keyToIso, parseChatFile, serializeChatFile } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectMessage, selectProblems, selectThread, selectThreadList } from './selectors/select-entries.js';
import { selectThreadMessages } from './selectors/select-thread-messages.js';
import { chatRow } from './testing/build-chat-rows.js';

const ALICE = '7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f';
const LEGACY = parseChatFile(readFileSync(new URL('../../fixtures/data/chat/cocalc-legacy.chat', import.meta.url), 'utf8')).rows;
const T0 = Date.UTC(2024, 4, 1, 10);

describe('createChatStore: initial state from a CoCalc file', () => {
  const store = createChatStore(new MemorySyncDB(LEGACY), { accountId: ALICE });
  const state = store.getState();

  it('shows legacy mesg/payload rows as messages keyed by the ms-string of their date', () => {
    expect(selectMessage(state, String(Date.parse('2016-11-02T09:14:05.000Z')))?.history[0].content).toBe('Has anyone got the **homework 3** solutions compiling?');
    expect(selectMessage(state, String(Date.parse('2017-06-15T18:02:10.337Z')))?.history[0].content).toBe('Old payload-style message from 2017');
  });

  it('indexes threads with CoCalc labels, counts, unread, pinned and folded', () => {
    const key = String(Date.parse('2023-09-01T12:00:00.000Z'));
    expect(selectThread(state, key)).toEqual({
      key,
      label: 'Plot of the residuals see attached',
      hasRoot: true,
      messageCount: 3,
      newestKey: String(Date.parse('2023-09-01T12:04:00.000Z')),
      newestTime: Date.parse('2023-09-01T12:04:00.000Z'),
      unreadCount: 0,
      pinned: true,
      folded: false,
      isAgent: false,
      running: false,
    });
    expect(selectThread(state, String(Date.parse('2024-02-10T08:00:00.000Z')))?.label).toBe('Grading rubric');
    expect(selectThreadList(state)).toHaveLength(5);
    expect(selectThreadMessages(state, key).map((message) => message.sender_id)).toEqual([ALICE, 'a2f7d0e1-2222-4b6a-8c9d-1e2f3a4b5c6d', 'openai-gpt-4']);
  });

  it('keeps only the account\'s drafts, by thread key or "new"', () => {
    expect(state.drafts).toEqual({
      new: { key: 'new', input: 'half typed new thread', active: 1706000000000 },
      '1693569600000': { key: '1693569600000', input: 'reply draft', active: 1706000000000 },
    });
  });

  it('never writes upgraded legacy rows back to the document', () => {
    const db = new MemorySyncDB(LEGACY);
    const before = serializeChatFile(db.get());
    const writes: number[] = [];
    db.on('change', (changed) => writes.push(changed.size));
    const chat = createChatStore(db, { accountId: ALICE });
    db.set({ date: '2016-11-02T09:14:05.000Z', sender_id: ALICE, event: 'chat', pin: true });
    db.commit();
    expect(writes).toEqual([1]);
    expect(selectThread(chat.getState(), '1478078045000')?.pinned).toBe(true);
    expect(db.get_one({ date: '2016-11-02T09:14:05.000Z', sender_id: ALICE, event: 'chat' })).not.toHaveProperty('history');
    db.set({ date: '2016-11-02T09:14:05.000Z', sender_id: ALICE, event: 'chat', pin: null });
    db.commit();
    expect(serializeChatFile(db.get())).toBe(before);
  });

  it('shows the folded thread as folded for the account in `folding`', () => {
    const other = createChatStore(new MemorySyncDB(LEGACY), { accountId: 'a2f7d0e1-2222-4b6a-8c9d-1e2f3a4b5c6d' });
    expect(selectThread(other.getState(), '1693569600000')?.folded).toBe(true);
    expect(selectThread(other.getState(), '1693569600000')?.unreadCount).toBe(3);
  });
});

describe('createChatStore: following changes', () => {
  function setup(rows = [chatRow(T0, 'alice', 'root'), chatRow(T0 + 1000, 'bob', 'reply', { reply_to: keyToIso(T0) })]) {
    const db = new MemorySyncDB(rows);
    return { db, store: createChatStore(db, { accountId: 'alice' }) };
  }

  it('adds a reply to its thread and moves the newest time', () => {
    const { db, store } = setup();
    db.set(chatRow(T0 + 5000, 'carol', 'late', { reply_to: keyToIso(T0) }));
    db.commit();
    const thread = selectThread(store.getState(), String(T0));
    expect(thread).toMatchObject({ messageCount: 3, newestTime: T0 + 5000, unreadCount: 3 });
    expect(selectThreadMessages(store.getState(), String(T0)).map((message) => message.history[0].content)).toEqual(['root', 'reply', 'late']);
  });

  it('drops a deleted message and removes a thread with no messages left', () => {
    const { db, store } = setup();
    db.delete({ date: keyToIso(T0 + 1000), sender_id: 'bob', event: 'chat' });
    db.commit();
    expect(selectThread(store.getState(), String(T0))?.messageCount).toBe(1);
    db.delete({ date: keyToIso(T0), sender_id: 'alice', event: 'chat' });
    db.commit();
    expect(selectThreadList(store.getState())).toEqual([]);
    expect(store.getState().threadMessageKeys.every((bucket) => Object.keys(bucket).length === 0)).toBe(true);
  });

  it('marks an agent thread, its agent and model, and running while a row is generating', () => {
    const { db, store } = setup([chatRow(T0, 'alice', 'fix it', { acp_config: { agent: 'codex', model: '' } })]);
    expect(selectThread(store.getState(), String(T0))).toMatchObject({ isAgent: true, agent: 'codex', running: false });
    expect(selectThread(store.getState(), String(T0))).not.toHaveProperty('model');
    const agentRow = chatRow(T0 + 10, 'codex', '', { reply_to: keyToIso(T0), generating: true, acp_account_id: 'alice', acp_turn: { id: 't1', state: 'running' } });
    db.set(agentRow);
    db.commit();
    expect(selectThread(store.getState(), String(T0))?.running).toBe(true);
    expect(selectMessage(store.getState(), String(T0 + 10))).toMatchObject({ acp_turn: { id: 't1', state: 'running' }, acp_account_id: 'alice', generating: true });
    db.set({ date: agentRow.date, sender_id: 'codex', event: 'chat', generating: false, acp_turn: { id: 't1', state: 'completed' } });
    db.commit();
    expect(selectThread(store.getState(), String(T0))?.running).toBe(false);
  });

  it('keeps the identity of untouched messages and threads after an unrelated change', () => {
    const { db, store } = setup([chatRow(T0, 'alice', 'a'), chatRow(T0 + 1000, 'bob', 'a2', { reply_to: keyToIso(T0) }), chatRow(T0 + 9000, 'bob', 'other')]);
    const before = store.getState();
    const otherThread = selectThread(before, String(T0 + 9000));
    const otherMessages = selectThreadMessages(before, String(T0 + 9000));
    const untouchedReply = selectMessage(before, String(T0 + 1000));
    db.set({ date: keyToIso(T0), sender_id: 'alice', event: 'chat', name: 'Renamed' });
    db.commit();
    const after = store.getState();
    expect(selectThread(after, String(T0))?.label).toBe('Renamed');
    expect(selectThread(after, String(T0 + 9000))).toBe(otherThread);
    expect(selectThreadMessages(after, String(T0 + 9000))).toBe(otherMessages);
    expect(selectMessage(after, String(T0 + 1000))).toBe(untouchedReply);
    expect(after.threadMessageKeys).toBe(before.threadMessageKeys);
  });

  it('does not notify subscribers for a change of a row the chat store does not show', () => {
    const { db, store } = setup();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    db.set({ date: keyToIso(T0), sender_id: 'x', event: 'cursor', position: 3 });
    db.set({ date: 0, sender_id: 'bob', event: 'draft', input: 'not mine' });
    db.commit();
    expect(notified).toBe(0);
    expect(store.getState().drafts).toEqual({});
  });

  it('shows one message per millisecond, deterministically, and reports the hidden one', () => {
    const { db, store } = setup();
    db.set(chatRow(T0 + 1000, 'aaron', 'same ms', { reply_to: keyToIso(T0) }));
    db.commit();
    expect(selectMessage(store.getState(), String(T0 + 1000))?.sender_id).toBe('aaron');
    expect(selectProblems(store.getState())).toEqual([
      { key: keyString({ date: keyToIso(T0 + 1000), sender_id: 'bob', event: 'chat' }), problems: ['hidden: aaron has a message at the same millisecond'] },
    ]);
    db.delete({ date: keyToIso(T0 + 1000), sender_id: 'aaron', event: 'chat' });
    db.commit();
    expect(selectMessage(store.getState(), String(T0 + 1000))?.sender_id).toBe('bob');
    expect(selectProblems(store.getState())).toEqual([]);
  });

  it('reports a row that cannot be read and shows it again once fixed', () => {
    const { db, store } = setup();
    db.set({ date: keyToIso(T0 + 1000), sender_id: 'bob', event: 'chat', history: 'not a list' });
    db.commit();
    expect(selectMessage(store.getState(), String(T0 + 1000))).toBeUndefined();
    expect(selectProblems(store.getState())[0].problems[0]).toMatch(/^history:/);
    expect(selectThread(store.getState(), String(T0))?.messageCount).toBe(1);
    db.set({ date: keyToIso(T0 + 1000), sender_id: 'bob', event: 'chat', history: [{ content: 5 }], reply_to: 'never' });
    db.commit();
    expect(selectMessage(store.getState(), String(T0 + 1000))).toMatchObject({ history: [{ content: '5' }] });
    // An unreadable reply_to is dropped: the message shows as a thread of its own rather than not at all.
    expect(selectThread(store.getState(), String(T0 + 1000))?.hasRoot).toBe(true);
    expect(selectProblems(store.getState())).toEqual([]);
    db.set({ date: keyToIso(T0 + 1000), sender_id: 'bob', event: 'chat', history: [{ content: 'ok', author_id: 'bob', date: keyToIso(T0) }], reply_to: keyToIso(T0) });
    db.commit();
    expect(selectThread(store.getState(), String(T0))?.messageCount).toBe(2);
    expect(selectThread(store.getState(), String(T0 + 1000))).toBeUndefined();
  });

  it('stops following the syncdb after destroy()', () => {
    const { db, store } = setup();
    store.destroy();
    db.set(chatRow(T0 + 7000, 'bob', 'after'));
    db.commit();
    expect(selectMessage(store.getState(), String(T0 + 7000))).toBeUndefined();
  });
});
