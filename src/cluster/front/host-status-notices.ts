import type { ClientRegistry } from '../../hub/client-registry.js';
import type { Queryable } from '../../multiuser/db/index.js';
import type { ProjectHostStatus } from '../../protocol/index.js';

/**
 * Tells the connected members of a host's projects that it went away or came back
 * (`project.host`): the page shows a banner, and resynchronizes the project when it is back. Also
 * a project moved to another host: its members hear the new host, and their pages resynchronize
 * with it (reopen the chats there, resubscribe the turns). One notice at a time, in order (a quick
 * down-then-up never reaches a page as up-then-down).
 */
export function createHostStatusNotices(deps: { db: Queryable; clients: ClientRegistry }) {
  let sending: Promise<void> = Promise.resolve();

  /** `where`: of the projects to tell ($1); $2 is the connected accounts. */
  async function send(where: string, param: string, status: ProjectHostStatus): Promise<void> {
    const connected = deps.clients.accountIds();
    if (connected.length === 0) return;
    // One query for all of the projects: their members who have a connection now.
    const rows = await deps.db.query<{ projectId: string; accountId: string }>(
      `select m.project_id as "projectId", m.account_id as "accountId" from members m join projects p on p.id = m.project_id
        where ${where} and m.account_id = any($2::text[])`,
      [param, connected],
    );
    const membersOf = new Map<string, Set<string>>();
    for (const { projectId, accountId } of rows) membersOf.set(projectId, (membersOf.get(projectId) ?? new Set()).add(accountId));
    for (const [project, members] of membersOf) deps.clients.broadcastTo((context) => members.has(context.accountId), 'project.host', { project, host: status });
  }

  function queue(what: string, run: () => Promise<void>): void {
    sending = sending.then(run).catch((error: unknown) => console.error(`[front] telling the pages that ${what} failed:`, error));
  }

  return {
    hostChanged(hostId: string, status: ProjectHostStatus): void {
      console.log(`[front] project host ${hostId} is ${status.available ? 'available' : 'unavailable'}`);
      queue(`host ${hostId} is ${status.available ? 'back' : 'gone'}`, () => send('p.host_id = $1', hostId, status));
    },
    projectMoved(projectId: string, status: ProjectHostStatus): void {
      console.log(`[front] project ${projectId} is on host ${status.id} now`);
      queue(`project ${projectId} moved to ${status.id}`, () => send('p.id = $1', projectId, status));
    },
  };
}
