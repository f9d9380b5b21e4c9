import type { AcpApi } from '../acp-api/index.js';
import { createRemoteSyncDB } from '../syncdb/index.js';
import { createCodexChatStores } from '../../stores/room/index.js';

/** Every store of the lite-mode page, on one api; chat documents are RemoteSyncDBs over it. */
export function createAppStores(api: AcpApi, accountId: string) {
  return createCodexChatStores({
    api,
    accountId,
    openDocument: async (path) => {
      const syncdb = await createRemoteSyncDB(api, path, { onError: (error) => console.error(`[app] ${path}:`, error) });
      return { syncdb, close: () => syncdb.close() };
    },
  });
}
