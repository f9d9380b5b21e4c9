import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from '../../src/syncdb/index.js';
import { createRoomStore } from './create-room-store.js';
import { createFakeAcpApi } from './testing/fake-acp-api.js';

const ROOT = Date.UTC(2026, 0, 1);
const row = (ms: number, root?: number) => ({
  event: 'chat',
  sender_id: 'ann',
  date: new Date(ms).toISOString(),
  history: [{ author_id: 'ann', content: `at ${ms}`, date: new Date(ms).toISOString() }],
  ...(root === undefined ? {} : { reply_to: new Date(root).toISOString() }),
});

function setup() {
  const asked: Array<{ path: string; thread?: string }> = [];
  const syncdb = new MemorySyncDB([row(ROOT), row(ROOT + 10, ROOT)]);
  const room = createRoomStore({
    api: createFakeAcpApi({}).api,
    accountId: 'ann',
    openDocument: async (path, options = {}) => {
      asked.push({ path, ...options });
      return { syncdb, close: () => {} };
    },
  });
  // Every state the room passes through, as a component subscribed to it would see them.
  const seen: Array<{ open: boolean; selected: string | null }> = [];
  room.subscribe((state) => seen.push({ open: state.chat !== null, selected: state.selectedThreadKey }));
  return { room, asked, seen };
}

describe('room store: opening a chat on a thread', () => {
  it('asks for the thread first and selects it in the update that opens the chat', async () => {
    const { room, asked, seen } = setup();
    await room.getState().openChat('a.chat', { threadKey: String(ROOT) });
    expect(asked).toEqual([{ path: 'a.chat', thread: String(ROOT) }]);
    expect(room.getState().selectedThreadKey).toBe(String(ROOT));
    // Never an open chat without its thread (that state renders the new-thread pane first).
    expect(seen.filter((state) => state.open)).toEqual([{ open: true, selected: String(ROOT) }]);
  });

  it('opens the chat with nothing selected when the thread is not in it', async () => {
    const { room } = setup();
    await room.getState().openChat('a.chat', { threadKey: '42' });
    expect(room.getState().chat).not.toBeNull();
    expect(room.getState().selectedThreadKey).toBeNull();
  });

  it('selects the thread of a chat that is open already', async () => {
    const { room, asked } = setup();
    await room.getState().openChat('a.chat');
    expect(room.getState().selectedThreadKey).toBeNull();
    await room.getState().openChat('a.chat', { threadKey: String(ROOT) });
    expect(room.getState().selectedThreadKey).toBe(String(ROOT));
    expect(asked).toHaveLength(1);
  });
});
