import { addClientCleanup, runClientCleanups, type ClientRegistry } from '../../hub/client-registry.js';
import type { ClientContext } from '../../hub/types.js';
import type { AcpApiNotification, AcpApiNotifications } from '../../protocol/index.js';
import type { HostNotification, NotificationTarget } from '../messages.js';

/** A browser connection as a host knows it: the identity of its last call, and what ends when it leaves. */
type RemoteClient = { context: ClientContext; frontId: string; cleanups: Set<() => void> };

/**
 * The clients of a project host: they are the front hub's browser connections, known here only by
 * the calls they make (no sockets). Notifications go out as HostNotification through `publish` (one
 * NATS subject, so in order); the front hub delivers them, checking membership at send time.
 */
export function createRemoteClients(publish: (notification: HostNotification) => void) {
  const clients = new Map<string, RemoteClient>();

  function send(project: string | undefined, target: NotificationTarget, method: AcpApiNotification, params: object): void {
    const withProject = project === undefined ? params : { ...params, project };
    publish({ ...(project === undefined ? {} : { project }), target, method, params: withProject as Record<string, unknown> });
  }
  function drop(clientId: string): void {
    const client = clients.get(clientId);
    if (!client) return;
    clients.delete(clientId);
    runClientCleanups(clientId, client.cleanups, 'host');
  }
  function dropWhere(accepts: (client: RemoteClient) => boolean): void {
    for (const [clientId, client] of [...clients]) if (accepts(client)) drop(clientId);
  }

  /** The registry as one project's scope sees it (`project` on every notification but notifyAccount's, whose function the elicitation broker is keyed by). */
  function registry(project: string | undefined): ClientRegistry {
    return {
      /** No sockets here: a client is added by its calls (seen). */
      add: (_socket, context) => void clients.set(context.clientId, { context, frontId: '', cleanups: new Set() }),
      remove: drop,
      onLeave: (clientId, cleanup) => addClientCleanup(clients.get(clientId)?.cleanups, cleanup),
      /** Replies go back over NATS request/reply, never through here. */
      reply: () => undefined,
      notify<N extends AcpApiNotification>(clientId: string, name: N, params: AcpApiNotifications[N]): void {
        if (clients.has(clientId)) send(project, { kind: 'client', clientId }, name, params);
      },
      broadcast<N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]): void {
        send(project, { kind: 'all' }, name, params);
      },
      broadcastTo<N extends AcpApiNotification>(accepts: (context: ClientContext) => boolean, name: N, params: AcpApiNotifications[N]): void {
        for (const [clientId, client] of clients) if (accepts(client.context)) send(project, { kind: 'client', clientId }, name, params);
      },
      contextOf: (clientId) => clients.get(clientId)?.context,
      accountIds: () => [...new Set([...clients.values()].map((client) => client.context.accountId))],
      closeAccount: (accountId) => dropWhere((client) => client.context.accountId === accountId),
      notifyAccount,
      closeAll: () => dropWhere(() => true),
      terminateAll: () => dropWhere(() => true),
      size: () => clients.size,
    };
  }
  function notifyAccount<N extends AcpApiNotification>(accountId: string, name: N, params: AcpApiNotifications[N], options?: { exceptClientId?: string }): void {
    send(undefined, { kind: 'account', accountId, ...(options?.exceptClientId ? { exceptClientId: options.exceptClientId } : {}) }, name, params);
  }

  const hubWide = registry(undefined);
  const projects = new Map<string, ClientRegistry>();
  return {
    ...hubWide,
    /** The clients as project `projectId`'s scope sees them. */
    forProject(projectId: string): ClientRegistry {
      let scoped = projects.get(projectId);
      if (!scoped) {
        scoped = registry(projectId);
        projects.set(projectId, scoped);
      }
      return scoped;
    },
    /** A call of this client arrived (through front `frontId`): its identity is the latest one. */
    seen(context: ClientContext, frontId: string): void {
      const client = clients.get(context.clientId);
      if (client && client.frontId === frontId) client.context = context;
      else {
        if (client) drop(context.clientId);
        clients.set(context.clientId, { context, frontId, cleanups: new Set() });
      }
    },
    /** The front hub says this client's connection closed: its turn subscriptions and watches end. */
    left(frontId: string, clientId: string): void {
      if (clients.get(clientId)?.frontId === frontId) drop(clientId);
    },
    /** A front hub started: the clients of any other front id are gone. */
    hello(frontId: string): void {
      dropWhere((client) => client.frontId !== frontId);
    },
  };
}

export type RemoteClients = ReturnType<typeof createRemoteClients>;
