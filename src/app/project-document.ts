import { createRemoteSyncDB, hostUnavailableError } from '../index.js';
import type { AcpApiError, ChatDocument, ProjectApi, SyncDB } from '../index.js';

/** The error a send gets while the project's host is away; null while it is there. */
function hostUnavailable(api: ProjectApi): AcpApiError | null {
  const host = api.hostStatus();
  return host && !host.available ? hostUnavailableError(host) : null;
}

/**
 * `flushed()` that fails at once while the project's host is away (or when it goes away while
 * waiting): the room awaits it before turn.send, which would otherwise wait for the host to come back
 * (a send must fail with the host's message, not hang). The rows stay pending in the document and
 * reach the host when it is back.
 */
function failWhileHostAway(api: ProjectApi, syncdb: SyncDB & { flushed(): Promise<void> }): () => Promise<void> {
  return () => {
    const away = hostUnavailable(api);
    if (away) return Promise.reject(away);
    return new Promise<void>((resolve, reject) => {
      const stop = api.onHostChange(() => {
        const error = hostUnavailable(api);
        if (!error) return;
        stop();
        reject(error);
      });
      syncdb.flushed().then(
        () => (stop(), resolve()),
        (error: unknown) => (stop(), reject(error)),
      );
    });
  };
}

/** A chat document of a project on its scoped api: a RemoteSyncDB whose flush says when the host is away. */
export async function openProjectDocument(api: ProjectApi, path: string, { thread }: { thread?: string } = {}): Promise<ChatDocument> {
  const remote = await createRemoteSyncDB(api, path, { thread, onError: (error) => console.error(`[app] ${path}:`, error) });
  const syncdb: SyncDB = {
    get loading() {
      return remote.loading;
    },
    get: (where) => remote.get(where),
    get_one: (where) => remote.get_one(where),
    set: (obj) => remote.set(obj),
    delete: (where) => remote.delete(where),
    commit: () => remote.commit(),
    flushed: failWhileHostAway(api, remote),
    on: (event, listener) => remote.on(event, listener),
    off: (event, listener) => remote.off(event, listener),
  };
  return { syncdb, close: () => remote.close() };
}
