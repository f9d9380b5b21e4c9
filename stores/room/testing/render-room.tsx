import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemorySyncDB } from '../../../src/syncdb/index.js';
import type { AgentInfo, Row } from '../../../src/protocol/index.js';
import { DEFAULT_HUB_SETTINGS } from '../../../src/protocol/index.js';
import type { ChatStore } from '../../chat/index.js';
import { CodexProvider } from '../../provider.js';
import { createCodexRuntime } from '../../runtime/index.js';
import type { CardOverrides } from '../../runtime/index.js';
import { createFakeAcpApi } from './fake-acp-api.js';
import type { FakeHandlers } from './fake-acp-api.js';

export const ACCOUNT = 'alice';
export const DEMO_AGENT: AgentInfo = { id: 'demo', label: 'Demo agent', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };

/** An ISO date `msAgo` milliseconds before now. */
export const isoAgo = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/** A chat row as the document stores it. */
export function chatRow(date: string, sender: string, text: string, extra: Record<string, unknown> = {}): Row {
  return { event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content: text, date }], schema_version: 1, ...extra };
}

/**
 * The room on real parts: a MemorySyncDB document and a real runtime (chat, room, session, turn and
 * view stores). Only the hub's methods are answered in-process (jsdom cannot host the hub's page).
 */
export async function setupRoom({ rows = [], handlers = {}, open = true, cards }: { rows?: Row[]; handlers?: FakeHandlers; open?: boolean; cards?: CardOverrides } = {}) {
  const syncdb = new MemorySyncDB(rows);
  const fake = createFakeAcpApi({
    'chat.list': () => ({ files: [{ path: 'work/a.chat', size: 0, modifiedAt: '2026-01-01T00:00:00.000Z' }] }),
    'turn.send': () => ({ turnId: 'turn-new', position: 0 }),
    'files.list': ({ query }) => ({ files: ['src/main.ts', 'src/room.ts', 'README.md'].filter((path) => path.includes(query ?? '')) }),
    'queue.get': () => ({ queues: {} }),
    ...handlers,
  });
  const runtime = createCodexRuntime({ api: fake.api, accountId: ACCOUNT, syncdb, cards, seed: { agents: [DEMO_AGENT], settings: DEFAULT_HUB_SETTINGS, isAdmin: true } });
  const { room } = runtime;
  await room.getState().refreshFiles();
  if (open) await room.getState().openChat('work/a.chat');
  const renderInRoom = (ui: ReactElement) => render(<CodexProvider runtime={runtime}>{ui}</CodexProvider>);
  // `chat` is the open chat's store; with `open: false` there is none (do not use it then).
  return { syncdb, fake, room, runtime, stores: runtime, chat: room.getState().chat?.store as ChatStore, renderInRoom };
}
