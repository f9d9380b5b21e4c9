import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemorySyncDB } from '../../../src/syncdb/index.js';
import type { AgentInfo, Row } from '../../../src/protocol/index.js';
import { DEFAULT_HUB_SETTINGS } from '../../../src/protocol/index.js';
import type { ChatStore } from '../../chat/index.js';
import { CodexChatProvider } from '../../provider.js';
import { RoomProvider, createRoomStore } from '../index.js';
import { createFakeAcpApi } from './fake-acp-api.js';
import type { FakeHandlers } from './fake-acp-api.js';
import { createSessionStore } from '../../session/index.js';
import { createTurnStore } from '../../turns/index.js';
import { createViewStore } from '../../view/index.js';

export const ACCOUNT = 'alice';
export const DEMO_AGENT: AgentInfo = { id: 'demo', label: 'Demo agent', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };

/** An ISO date `msAgo` milliseconds before now. */
export const isoAgo = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/** A chat row as the document stores it. */
export function chatRow(date: string, sender: string, text: string, extra: Record<string, unknown> = {}): Row {
  return { event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content: text, date }], schema_version: 1, ...extra };
}

/**
 * The room on real parts: a MemorySyncDB document, the real chat, room, session, turn and view
 * stores. Only the hub's methods are answered in-process (jsdom cannot host the hub's page).
 */
export async function setupRoom({ rows = [], handlers = {}, open = true }: { rows?: Row[]; handlers?: FakeHandlers; open?: boolean } = {}) {
  const syncdb = new MemorySyncDB(rows);
  const fake = createFakeAcpApi({
    'chat.list': () => ({ files: [{ path: 'work/a.chat', size: 0, modifiedAt: '2026-01-01T00:00:00.000Z' }] }),
    'turn.send': () => ({ turnId: 'turn-new', position: 0 }),
    'files.list': ({ query }) => ({ files: ['src/main.ts', 'src/room.ts', 'README.md'].filter((path) => path.includes(query ?? '')) }),
    'queue.get': () => ({ queues: {} }),
    ...handlers,
  });
  const room = createRoomStore({ api: fake.api, accountId: ACCOUNT, openDocument: async () => ({ syncdb, close: () => {} }) });
  await room.getState().refreshFiles();
  if (open) await room.getState().openChat('work/a.chat');
  const stores = {
    session: createSessionStore({ api: fake.api, seed: { agents: [DEMO_AGENT], settings: DEFAULT_HUB_SETTINGS, isAdmin: true } }),
    turns: createTurnStore({ api: fake.api }),
    view: createViewStore(),
  };
  const renderInRoom = (ui: ReactElement) =>
    render(
      <CodexChatProvider stores={stores}>
        <RoomProvider store={room}>{ui}</RoomProvider>
      </CodexChatProvider>,
    );
  // `chat` is the open chat's store; with `open: false` there is none (do not use it then).
  return { syncdb, fake, room, stores, chat: room.getState().chat?.store as ChatStore, renderInRoom };
}
