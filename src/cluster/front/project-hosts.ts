import { AcpApiError } from '../../acp-api/index.js';
import { assignProjectHost, hostOfProject, NotFoundError, type Queryable } from '../../multiuser/db/index.js';
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';

export const NO_HOST_AVAILABLE = 'no project host is available';

/**
 * The host of each project as the front hub routes its calls: read from the database once and
 * cached; a project not placed yet is placed at its first call (on the up host with the fewest
 * projects). `forget` drops the cache (a Postgres NOTIFY of `projects`, or a host's "not on host").
 */
export function createProjectHosts(db: Queryable) {
  const cached = new Map<string, string>();
  let generation = 0;

  return {
    /** The project's host (undefined: no such project); throws -32007 when it has none and no host is up to take it. */
    async hostOf(projectId: string): Promise<string | undefined> {
      const known = cached.get(projectId);
      if (known) return known;
      const started = generation;
      let hostId: string | null;
      try {
        hostId = (await hostOfProject(db, projectId)) ?? (await assignProjectHost(db, projectId));
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
      if (hostId === null) throw new AcpApiError(ACP_API_ERROR_CODES.hostUnavailable, NO_HOST_AVAILABLE);
      // A forget during the read makes this answer stale: it serves this call, not the cache.
      if (generation === started) cached.set(projectId, hostId);
      return hostId;
    },
    /** The host cached for the project now, without a database read. */
    cachedHostOf: (projectId: string): string | undefined => cached.get(projectId),
    forget(projectId?: string): void {
      generation += 1;
      if (projectId === undefined) cached.clear();
      else cached.delete(projectId);
    },
  };
}

export type ProjectHosts = ReturnType<typeof createProjectHosts>;
