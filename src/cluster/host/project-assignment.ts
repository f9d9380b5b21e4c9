import type { Queryable } from '../../multiuser/db/index.js';

/**
 * Which projects the database assigns to this host. Only "here" is cached (dropped by `forget`, on a
 * Postgres NOTIFY of `projects`, so a move away is seen at the next call); any other answer is read
 * again each time, since the front hub may have just placed the project here (its NOTIFY still on
 * the way) and it retries a "not on this host" only once.
 */
export function createProjectAssignment(db: Queryable, hostId: string) {
  const here = new Set<string>();
  let generation = 0;

  return {
    /** 'here', 'elsewhere' (assigned to another host, or to none yet), or 'unknown' (no such project). */
    async placeOf(projectId: string): Promise<'here' | 'elsewhere' | 'unknown'> {
      if (here.has(projectId)) return 'here';
      const started = generation;
      const [row] = await db.query<{ hostId: string | null }>(`select host_id as "hostId" from projects where id = $1`, [projectId]);
      if (!row) return 'unknown';
      if (row.hostId !== hostId) return 'elsewhere';
      // A forget during the query makes this answer stale: it serves this call, not the cache.
      if (generation === started) here.add(projectId);
      return 'here';
    },
    /** The ids of every project assigned to this host now (start-up recovery). */
    async assignedHere(): Promise<string[]> {
      const rows = await db.query<{ id: string }>(`select id from projects where host_id = $1 order by id`, [hostId]);
      return rows.map((row) => row.id);
    },
    forget(projectId?: string): void {
      generation += 1;
      if (projectId === undefined) here.clear();
      else here.delete(projectId);
    },
  };
}

export type ProjectAssignment = ReturnType<typeof createProjectAssignment>;
