import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from '../../src/syncdb/index.js';
import type { ContentBlock } from '../../src/protocol/index.js';
import { selectThread, selectThreadList, selectThreadMessages } from '../chat/index.js';
import { createRoomStore } from './create-room-store.js';
import { createFakeAcpApi } from './testing/fake-acp-api.js';

const PNG = { name: 'shot.png', mimeType: 'image/png', data: 'iVBORw0KGgo=', size: 2048 };

// The chat document is a real MemorySyncDB and the chat store is real; the hub's methods are
// answered in-process because these tests are about the room's own logic.
function setup() {
  const documents = new Map<string, MemorySyncDB>();
  const closed: string[] = [];
  const fake = createFakeAcpApi({
    'chat.list': () => ({ files: [...documents.keys()].map((path) => ({ path, size: 0, modifiedAt: '2026-01-01T00:00:00.000Z' })) }),
    'chat.create': ({ path }) => {
      documents.set(path, new MemorySyncDB());
      return { path };
    },
    'turn.send': () => ({ turnId: 'turn-1', position: 0 }),
    'session.fork': () => ({ threadKey: '1767225600000' }),
    'logs.delete': () => ({ deleted: 2 }),
  });
  const room = createRoomStore({
    api: fake.api,
    accountId: 'alice',
    openDocument: async (path) => {
      const syncdb = documents.get(path) ?? new MemorySyncDB();
      documents.set(path, syncdb);
      return { syncdb, close: () => void closed.push(path) };
    },
  });
  return { room, fake, documents, closed };
}

describe('room store', () => {
  it('creates a chat file, lists it and opens it', async () => {
    const { room, fake } = setup();
    await room.getState().createChat('notes/a.chat');
    expect(fake.callsOf('chat.create')).toEqual([{ path: 'notes/a.chat' }]);
    expect(room.getState().files?.map((file) => file.path)).toEqual(['notes/a.chat']);
    expect(room.getState().chat?.path).toBe('notes/a.chat');
  });

  it('sends a plain message into a new thread without calling the agent', async () => {
    const { room, fake } = setup();
    await room.getState().openChat('a.chat');
    const threadKey = await room.getState().sendMessage(null, { text: 'hello' });
    const chat = room.getState().chat!.store.getState();
    expect(threadKey).not.toBeNull();
    expect(room.getState().selectedThreadKey).toBe(threadKey);
    expect(selectThreadMessages(chat, threadKey!).map((message) => message.history[0].content)).toEqual(['hello']);
    expect(fake.callsOf('turn.send')).toEqual([]);
  });

  it('starts an agent thread with the chosen config and queues the turn with text, mention and image', async () => {
    const { room, fake } = setup();
    await room.getState().openChat('a.chat');
    room.getState().startAgentThread({ agent: 'demo', sessionMode: 'read-only' });
    const threadKey = await room.getState().sendMessage(null, { text: 'look at @src/a.ts', mentions: ['src/a.ts', 'unused.ts'], images: [PNG] });
    const chat = room.getState().chat!.store.getState();
    expect(selectThread(chat, threadKey!)?.isAgent).toBe(true);
    const [root] = selectThreadMessages(chat, threadKey!);
    expect(root.acp_config).toMatchObject({ agent: 'demo', sessionMode: 'read-only' });
    expect(root.history[0].content).toBe('look at @src/a.ts\n\n- attached image: shot.png (2 KB)');
    const [call] = fake.callsOf('turn.send') as Array<{ path: string; threadKey: string; prompt: ContentBlock[]; userDate: string }>;
    expect(call).toMatchObject({ path: 'a.chat', threadKey, userDate: root.date });
    expect(call.prompt).toEqual([
      { type: 'text', text: 'look at @src/a.ts' },
      { type: 'resource_link', name: 'src/a.ts', uri: 'src/a.ts' },
      { type: 'image', mimeType: 'image/png', data: PNG.data },
    ]);
    expect(room.getState().pendingAgentConfig).toBeNull();
  });

  it('keeps the message and shows an error when turn.send fails', async () => {
    const { room, fake } = setup();
    await room.getState().openChat('a.chat');
    room.getState().startAgentThread({ agent: 'demo' });
    const threadKey = await room.getState().sendMessage(null, { text: 'first' });
    fake.calls.length = 0;
    const failing = createRoomStore({
      api: createFakeAcpApi({ 'turn.send': () => Promise.reject(new Error('agent unavailable')) }).api,
      accountId: 'alice',
      openDocument: async () => ({ syncdb: room.getState().chat!.document.syncdb, close: () => {} }),
    });
    await failing.getState().openChat('a.chat');
    await failing.getState().sendMessage(threadKey, { text: 'second' });
    const messages = selectThreadMessages(failing.getState().chat!.store.getState(), threadKey!);
    expect(messages.map((message) => message.history[0].content)).toEqual(['first', 'second']);
    expect(failing.getState().error).toBe('Your message is saved, but the agent did not get it: agent unavailable');
  });

  it('clears the draft of the thread when a message is sent', async () => {
    const { room } = setup();
    await room.getState().openChat('a.chat');
    const threadKey = await room.getState().sendMessage(null, { text: 'root' });
    const chat = room.getState().chat!.store;
    chat.actions.setDraft(threadKey, 'half written');
    expect(Object.values(chat.getState().drafts).map((draft) => draft.input)).toEqual(['half written']);
    await room.getState().sendMessage(threadKey, { text: 'done' });
    expect(Object.values(chat.getState().drafts)).toEqual([]);
  });

  it('deletes a thread with its replies and asks the hub to drop its logs', async () => {
    const { room, fake } = setup();
    await room.getState().openChat('a.chat');
    const keep = await room.getState().sendMessage(null, { text: 'keep me' });
    const doomed = await room.getState().sendMessage(null, { text: 'delete me' });
    await room.getState().sendMessage(doomed, { text: 'reply' });
    await room.getState().deleteThread(doomed!);
    const chat = room.getState().chat!.store.getState();
    expect(selectThreadList(chat).map((thread) => thread.key)).toEqual([keep]);
    expect(room.getState().chat!.document.syncdb.get()).toHaveLength(1);
    expect(fake.callsOf('logs.delete')).toEqual([{ path: 'a.chat', threadKey: doomed }]);
    expect(room.getState().selectedThreadKey).toBeNull();
  });

  it('closes the previous document when another chat is opened, and selects a forked thread', async () => {
    const { room, closed } = setup();
    await room.getState().openChat('a.chat');
    await room.getState().openChat('b.chat');
    expect(closed).toEqual(['a.chat']);
    await room.getState().forkThread('123');
    expect(room.getState().selectedThreadKey).toBe('1767225600000');
    expect(room.getState().error).toBeNull();
  });

  it('reports a chat that cannot be opened', async () => {
    const fake = createFakeAcpApi();
    const room = createRoomStore({ api: fake.api, accountId: 'alice', openDocument: () => Promise.reject(new Error('path outside workspace')) });
    await room.getState().openChat('../x.chat');
    expect(room.getState().error).toBe('Could not open ../x.chat: path outside workspace');
    expect(room.getState().opening).toBe(false);
  });
});
