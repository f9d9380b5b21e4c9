import type { CodexStores } from '../provider.js';
import { createSessionStore } from '../session/index.js';
import { createTurnStore } from '../turns/index.js';
import { createViewStore } from '../view/index.js';
import { createRoomStore } from './create-room-store.js';
import type { RoomStore, RoomStoreDeps } from './create-room-store.js';

/**
 * Every store a page needs, on one api: the session, turn and view stores for CodexChatProvider,
 * and the room store for RoomProvider. Loads agents and settings once; call `dispose` on unmount.
 */
export function createCodexChatStores(deps: RoomStoreDeps): { stores: CodexStores; room: RoomStore; dispose(): void } {
  const session = createSessionStore({ api: deps.api });
  void session.getState().refresh();
  const turns = createTurnStore({ api: deps.api });
  const room = createRoomStore(deps);
  return {
    stores: { session, turns, view: createViewStore() },
    room,
    dispose: () => {
      room.getState().dispose();
      turns.getState().dispose();
      session.getState().dispose();
    },
  };
}
