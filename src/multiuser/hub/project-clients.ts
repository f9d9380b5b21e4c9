import type { AcpApiNotification, AcpApiNotifications } from '../../protocol/index.js';
import type { ClientRegistry } from '../../hub/client-registry.js';
import type { ClientContext } from '../../hub/types.js';
import type { Membership } from './membership.js';

type Send = (isMember: (context: ClientContext) => boolean) => void;

/**
 * The clients as one project scope sees them: every notification carries `project` and goes only
 * to connected clients whose account is a member now (checked at send time). While the member cache
 * reloads (after a member change), the scope's notifications wait, in order, for it.
 */
export function projectClients(clients: ClientRegistry, projectId: string, membership: Membership): ClientRegistry {
  const waiting: Send[] = [];

  function reload(): void {
    membership.whenLoaded(projectId).then(
      (roles) => {
        for (const send of waiting.splice(0)) send((context) => roles.has(context.accountId));
      },
      (error: unknown) => {
        console.error(`[hub] members of ${projectId} could not be read; ${waiting.length} notification(s) dropped:`, error);
        waiting.length = 0;
      },
    );
  }
  function send(deliver: Send): void {
    const roles = waiting.length === 0 ? membership.rolesIfLoaded(projectId) : undefined;
    if (roles) return deliver((context) => roles.has(context.accountId));
    waiting.push(deliver);
    if (waiting.length === 1) reload();
  }

  return {
    ...clients,
    notify<N extends AcpApiNotification>(clientId: string, name: N, params: AcpApiNotifications[N]): void {
      send((isMember) => {
        const context = clients.contextOf(clientId);
        if (context && isMember(context)) clients.notify(clientId, name, { ...params, project: projectId });
      });
    },
    broadcast<N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]): void {
      send((isMember) => clients.broadcastTo(isMember, name, { ...params, project: projectId }));
    },
  };
}
