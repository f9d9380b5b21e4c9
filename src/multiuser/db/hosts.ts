// The project hosts of a cluster and which host holds each project (projects.host_id).
import { CLUSTER_TIMINGS, isHostId } from '../../cluster/subjects.js';
import type { Queryable } from './database.js';
import { NotFoundError } from './errors.js';

export type HostRow = {
  id: string;
  startedAt: string | null;
  lastSeenAt: string | null;
  /** Projects assigned to it. */
  projects: number;
  /** Seen within CLUSTER_TIMINGS.hostUpWithinMs. */
  up: boolean;
};

// Any constant: placements take turns, so two new projects placed at once do not both pick the same emptiest host.
const PLACEMENT_LOCK = 7_384_121;

const SEEN_RECENTLY = `h.last_seen_at > now() - ($1::double precision * interval '1 millisecond')`;

function checkHostId(id: string): void {
  if (!isHostId(id)) throw new Error(`${JSON.stringify(id)} is not a host id (lowercase letters, digits, - and _, at most 63)`);
}

/** A host says it is alive: registers it on first call, then refreshes last_seen_at (and started_at after a restart). */
export async function touchHost(db: Queryable, input: { id: string; startedAt: string }): Promise<void> {
  checkHostId(input.id);
  await db.query(
    `insert into hosts (id, started_at, last_seen_at) values ($1, $2, now())
      on conflict (id) do update set started_at = excluded.started_at, last_seen_at = now()`,
    [input.id, input.startedAt],
  );
}

/** Every registered host, by id. */
export async function listHosts(db: Queryable): Promise<HostRow[]> {
  return db.query<HostRow>(
    `select h.id, h.started_at as "startedAt", h.last_seen_at as "lastSeenAt",
        (select count(*)::int from projects p where p.host_id = h.id) as projects,
        coalesce(${SEEN_RECENTLY}, false) as up
      from hosts h order by h.id`,
    [CLUSTER_TIMINGS.hostUpWithinMs],
  );
}

/** The host a project is on (null: not placed yet). */
export async function hostOfProject(db: Queryable, projectId: string): Promise<string | null> {
  const [row] = await db.query<{ hostId: string | null }>(`select host_id as "hostId" from projects where id = $1`, [projectId]);
  if (!row) throw new NotFoundError(`no project ${projectId}`);
  return row.hostId;
}

/**
 * Places a project that has no host yet on the up host with the fewest projects (ties: the first
 * id) and returns that host; a placed project keeps its host (so concurrent callers agree). Null
 * when the project has no host and no host is up.
 */
export async function assignProjectHost(db: Queryable, projectId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
    const [project] = await tx.query<{ hostId: string | null }>(`select host_id as "hostId" from projects where id = $1 for update`, [projectId]);
    if (!project) throw new NotFoundError(`no project ${projectId}`);
    if (project.hostId !== null) return project.hostId;
    const [host] = await tx.query<{ id: string }>(
      `select h.id from hosts h where ${SEEN_RECENTLY}
        order by (select count(*) from projects p where p.host_id = h.id), h.id limit 1`,
      [CLUSTER_TIMINGS.hostUpWithinMs],
    );
    if (!host) return null;
    await tx.query(`update projects set host_id = $2 where id = $1`, [projectId, host.id]);
    return host.id;
  });
}

/** Moves a project to another registered host (up or not); returns the host it was on. */
export async function moveProject(db: Queryable, projectId: string, hostId: string): Promise<{ from: string | null }> {
  return db.transaction(async (tx) => {
    const [project] = await tx.query<{ hostId: string | null }>(`select host_id as "hostId" from projects where id = $1 for update`, [projectId]);
    if (!project) throw new NotFoundError(`no project ${projectId}`);
    if ((await tx.query(`select 1 from hosts where id = $1`, [hostId])).length === 0) {
      throw new NotFoundError(`no host ${hostId} is registered (a host registers when it first starts)`);
    }
    if (project.hostId !== hostId) await tx.query(`update projects set host_id = $2 where id = $1`, [projectId, hostId]);
    return { from: project.hostId };
  });
}
