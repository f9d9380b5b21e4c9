import type { MethodHandlers } from '../../hub/types.js';
import { listProjectsOf, type Queryable } from '../../multiuser/db/index.js';
import type { ProjectHostStatus } from '../../protocol/index.js';

/**
 * projects.list of a cluster's front hub: the caller's projects as on the all-in-one hub, each
 * with its host and whether the front can reach it now (a project not placed yet has no `host`).
 */
export function projectsListWithHosts(deps: { db: Queryable; statusOf: (hostId: string) => ProjectHostStatus }): MethodHandlers {
  return {
    'projects.list': async (_params, context) => {
      const projects = await listProjectsOf(deps.db, context.accountId);
      if (projects.length === 0) return { projects };
      const rows = await deps.db.query<{ id: string; hostId: string | null }>(`select id, host_id as "hostId" from projects where id = any($1::text[])`, [projects.map((project) => project.id)]);
      const hostOf = new Map(rows.map((row) => [row.id, row.hostId]));
      return {
        projects: projects.map((project) => {
          const hostId = hostOf.get(project.id);
          return hostId ? { ...project, host: deps.statusOf(hostId) } : project;
        }),
      };
    },
  };
}
