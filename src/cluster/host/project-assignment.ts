import type { Queryable } from '../../multiuser/db/index.js';

/**
 * Which projects the database assigns to this host, cached per project; `forget` (on a Postgres
 * NOTIFY of `projects`) drops the cache so a move is seen at the next call.
 */
export function createProjectAssignment(db: Queryable, hostId: string) {
  /** Project id -> its host id (null: unassigned; undefined in the map: no such project). */
  const cached = new Map<string, string | null>();
  let generation = 0;

  async function hostOf(projectId: string): Promise<string | null | undefined> {
    if (cached.has(projectId)) return cached.get(projectId);
    const started = generation;
    const [row] = await db.query<{ hostId: string | null }>(`select host_id as "hostId" from projects where id = $1`, [projectId]);
    // A forget during the query makes this answer stale: it serves this call, not the cache.
    if (row && generation === started) cached.set(projectId, row.hostId);
    return row ? row.hostId : undefined;
  }

  return {
    /** 'here', 'elsewhere' (assigned to another host, or to none yet), or 'unknown' (no such project). */
    async placeOf(projectId: string): Promise<'here' | 'elsewhere' | 'unknown'> {
      const host = await hostOf(projectId);
      if (host === undefined) return 'unknown';
      return host === hostId ? 'here' : 'elsewhere';
    },
    /** The ids of every project assigned to this host now (start-up recovery). */
    async assignedHere(): Promise<string[]> {
      const rows = await db.query<{ id: string }>(`select id from projects where host_id = $1 order by id`, [hostId]);
      return rows.map((row) => row.id);
    },
    forget(projectId?: string): void {
      generation += 1;
      if (projectId === undefined) cached.clear();
      else cached.delete(projectId);
    },
  };
}

export type ProjectAssignment = ReturnType<typeof createProjectAssignment>;
