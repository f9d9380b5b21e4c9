import type { ClientRegistry } from '../../hub/client-registry.js';
import type { Queryable } from '../../multiuser/db/index.js';
import type { Membership } from '../../multiuser/hub/membership.js';
import type { ProjectHostStatus } from '../../protocol/index.js';

/**
 * Tells the connected members of a host's projects that it went away or came back
 * (`project.host`): the page shows a banner, and resynchronizes the project when it is back. One
 * transition at a time, in order (a quick down-then-up never reaches a page as up-then-down).
 */
export function createHostStatusNotices(deps: { db: Queryable; clients: ClientRegistry; membership: Membership }) {
  let sending: Promise<void> = Promise.resolve();

  async function send(hostId: string, status: ProjectHostStatus): Promise<void> {
    if (deps.clients.size() === 0) return;
    const projects = await deps.db.query<{ id: string }>(`select id from projects where host_id = $1`, [hostId]);
    for (const { id } of projects) {
      const roles = await deps.membership.whenLoaded(id);
      deps.clients.broadcastTo((context) => roles.has(context.accountId), 'project.host', { project: id, host: status });
    }
  }

  return (hostId: string, status: ProjectHostStatus): void => {
    console.log(`[front] project host ${hostId} is ${status.available ? 'available' : 'unavailable'}`);
    sending = sending.then(() => send(hostId, status)).catch((error: unknown) => console.error(`[front] telling the pages that host ${hostId} is ${status.available ? 'back' : 'gone'} failed:`, error));
  };
}
