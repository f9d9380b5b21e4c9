import { createCodexRuntime, createRemoteSyncDB } from '../index.js';
import type { AcpApi, CodexRuntime } from '../index.js';

/** The lite-mode page's runtime, on one api; chat documents are RemoteSyncDBs over it. */
export function createAppRuntime(api: AcpApi, accountId: string): CodexRuntime {
  return createCodexRuntime({
    api,
    accountId,
    openDocument: async (path, { thread } = {}) => {
      const syncdb = await createRemoteSyncDB(api, path, { thread, onError: (error) => console.error(`[app] ${path}:`, error) });
      return { syncdb, close: () => syncdb.close() };
    },
  });
}
