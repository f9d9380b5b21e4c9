import type { AcpApi } from '../acp-api/index.js';
import { createRemoteSyncDB } from '../syncdb/index.js';
import type { CodexStores } from '../../stores/provider.js';
import { createRoomStore } from '../../stores/room/index.js';
import type { RoomStore } from '../../stores/room/index.js';
import { createSessionStore } from '../../stores/session/index.js';
import { createTurnStore } from '../../stores/turns/index.js';
import { createViewStore } from '../../stores/view/index.js';

/** Every store of the lite-mode page, on one api; chat documents are RemoteSyncDBs over it. */
export function createAppStores(api: AcpApi, accountId: string): { stores: CodexStores; room: RoomStore } {
  const session = createSessionStore({ api });
  void session.getState().refresh();
  const room = createRoomStore({
    api,
    accountId,
    openDocument: async (path) => {
      const syncdb = await createRemoteSyncDB(api, path, { onError: (error) => console.error(`[app] ${path}:`, error) });
      return { syncdb, close: () => syncdb.close() };
    },
  });
  return { stores: { session, turns: createTurnStore({ api }), view: createViewStore() }, room };
}
