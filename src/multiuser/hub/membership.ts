import type { ProjectRole } from '../../protocol/index.js';
import { membersOf, type Queryable } from '../db/index.js';

type Roles = Map<string, ProjectRole>;

/**
 * Who is a member of which project, cached per project from the database and dropped by
 * `invalidate` when members change (the admin commands run through the hub). The router asks
 * `roleOf` before a call; notifications ask `rolesIfLoaded` at send time, and wait in `whenLoaded`
 * when the cache was just dropped, so a removed member gets nothing after the change.
 */
export function createMembership(db: Queryable) {
  const loaded = new Map<string, Roles>();
  const loading = new Map<string, Promise<Roles>>();
  let generation = 0;

  function load(projectId: string): Promise<Roles> {
    const pending = loading.get(projectId);
    if (pending) return pending;
    const started = generation;
    const promise = membersOf(db, projectId)
      .then((rows) => {
        const roles: Roles = new Map(rows.map((row) => [row.accountId, row.role]));
        // An invalidate during the query makes this answer stale: it serves this call, not the cache.
        // No members means no such project (each has an owner): not cached, so probing ids costs no memory.
        if (generation === started && roles.size > 0) loaded.set(projectId, roles);
        return roles;
      })
      .finally(() => {
        if (loading.get(projectId) === promise) loading.delete(projectId);
      });
    loading.set(projectId, promise);
    return promise;
  }

  return {
    async roleOf(accountId: string, projectId: string): Promise<ProjectRole | null> {
      const roles = loaded.get(projectId) ?? (await load(projectId));
      return roles.get(accountId) ?? null;
    },
    /** The project's roles when cached now (synchronous: notifications are sent in order). */
    rolesIfLoaded: (projectId: string): Roles | undefined => loaded.get(projectId),
    whenLoaded: (projectId: string): Promise<Roles> => load(projectId),
    /** Forgets one project's members (or every project's) after a member change. */
    invalidate(projectId?: string): void {
      generation += 1;
      if (projectId === undefined) loaded.clear();
      else loaded.delete(projectId);
      loading.clear();
    },
  };
}

export type Membership = ReturnType<typeof createMembership>;
