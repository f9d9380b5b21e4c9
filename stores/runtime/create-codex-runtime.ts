import type { AcpApi } from '../../src/acp-api/index.js';
import type { AgentCapabilities, AgentInfo } from '../../src/protocol/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { createRoomStore } from '../room/create-room-store.js';
import type { RoomStore } from '../room/create-room-store.js';
import type { OpenDocument } from '../room/room-store-types.js';
import { createSessionStore } from '../session/index.js';
import type { SessionSeed, SessionStore } from '../session/index.js';
import { createTurnStore } from '../turns/index.js';
import type { ScheduleFlush, TurnStore } from '../turns/index.js';
import { createViewStore } from '../view/index.js';
import type { ViewStore } from '../view/index.js';
import type { CardOverrides } from './card-overrides.js';
import { createOfflineApi } from './offline-api.js';
import { capabilitiesOf } from './capabilities-of.js';

/** The chat documents of a runtime: opened per path, or the host's one document for every path. */
type Documents = { openDocument: OpenDocument; syncdb?: never } | { syncdb: SyncDB; openDocument?: never };

/** What `createCodexRuntime` takes. */
export type CodexRuntimeOptions = Documents & {
  /** The hub connection. Without one (stories, single-view tests) every call fails with a clear error. */
  api?: AcpApi;
  /** Who is typing: rows this client writes carry it. */
  accountId: string;
  /** The host's cards, replacing the built-in card of each kind given. */
  cards?: CardOverrides;
  /** Agents, settings and queues known up front (stories, tests): no `agents.list`/`settings.get` at start. */
  seed?: SessionSeed;
  /** How live turn batches are scheduled (stories flush at once). */
  schedule?: ScheduleFlush;
};

/** The stores every component reads: one per concern. */
export type CodexStores = { turns: TurnStore; session: SessionStore; view: ViewStore; room: RoomStore };

/** One embedded codex-chat: its stores, its cards, the agents' capabilities, and how to let go of it. */
export type CodexRuntime = CodexStores & {
  /** The hub connection, or null when built without one. */
  api: AcpApi | null;
  accountId: string;
  cards: CardOverrides;
  /** What the agent reported it can do; null until `agents.list` knows the agent. */
  capabilities(agentId: string): AgentCapabilities | null;
  /** Stops every subscription and closes the open chat (a host's own syncdb stays open). */
  dispose(): void;
};

/**
 * Builds one runtime: the session, turn, view and room stores on one api and one way to open chat
 * documents. With an api and no seed it loads agents and settings once. Call `dispose` on unmount.
 */
export function createCodexRuntime(options: CodexRuntimeOptions): CodexRuntime {
  const { api, accountId, cards = {}, seed, schedule } = options;
  const hostSyncdb = options.syncdb;
  // A host's document belongs to the host: the runtime never closes it.
  const openDocument = hostSyncdb ? async () => ({ syncdb: hostSyncdb, close: () => {} }) : options.openDocument;
  const session = createSessionStore({ api, seed });
  if (api && !seed) void session.getState().refresh();
  const turns = createTurnStore({ api, schedule });
  const room = createRoomStore({ api: api ?? createOfflineApi(), accountId, openDocument });
  const agents = (): AgentInfo[] => session.getState().agents ?? [];
  return {
    turns,
    session,
    view: createViewStore(),
    room,
    api: api ?? null,
    accountId,
    cards,
    capabilities: (agentId) => capabilitiesOf(agents().find((agent) => agent.id === agentId)),
    dispose: () => {
      room.getState().dispose();
      turns.getState().dispose();
      session.getState().dispose();
    },
  };
}
