import type { NatsConnection } from '@nats-io/transport-node';
import type { ClientRegistry } from '../../hub/client-registry.js';
import type { ClientContext } from '../../hub/types.js';
import type { Membership } from '../../multiuser/hub/membership.js';
import type { AcpApiNotification, AcpApiNotifications, ProjectRole } from '../../protocol/index.js';
import { HostNotification, parseClusterMessage } from '../messages.js';
import { CLUSTER_SUBJECTS, hostIdOfSubject } from '../subjects.js';
import type { ElicitationRoutes } from './elicitation-routes.js';

type Params = AcpApiNotifications[AcpApiNotification];

/**
 * Passes the hosts' notifications (`codex.host.*.notify`) on to the browsers: each receiver must be
 * a member of the notification's project now (checked at send time, as the all-in-one's
 * projectClients does), `params` go out as the host sent them. A host's notifications keep their
 * order: while the member cache of one project reloads, that host's later ones wait behind it.
 * Malformed messages are logged and dropped. Returns the stopper.
 */
export function relayHostNotifications(
  nc: NatsConnection,
  deps: { clients: ClientRegistry; membership: Membership; elicitations: ElicitationRoutes; /** A host's hub-wide agents.change, for the front's own agents list. */ learnAgents(agents: unknown): void },
): () => void {
  const { clients, membership, elicitations } = deps;
  /** Per host: notifications waiting (in order) behind a member cache load. */
  const waiting = new Map<string, HostNotification[]>();

  // Never throws: a notification that cannot be sent (params too deep to stringify) is dropped
  // here, also on the async path of drain, where a throw would end the process and stall the host's queue.
  function deliver(hostId: string, notification: HostNotification, roles: Map<string, ProjectRole> | undefined): void {
    try {
      send(hostId, notification, roles);
    } catch (failure) {
      console.error(`[front] relaying a ${notification.method} of host ${hostId} failed:`, (failure as Error)?.message ?? failure);
    }
  }

  function send(hostId: string, notification: HostNotification, roles: Map<string, ProjectRole> | undefined): void {
    const { target, method, params } = notification;
    if (method === 'elicitation.request' && typeof params.elicitationId === 'string') elicitations.remember(params.elicitationId, hostId);
    if (method === 'elicitation.done' && typeof params.elicitationId === 'string') elicitations.forget(params.elicitationId);
    if (method === 'agents.change' && notification.project === undefined) deps.learnAgents(params.agents);
    const isMember = (accountId: string) => roles === undefined || roles.has(accountId);
    const sent = params as Params;
    if (target.kind === 'all') {
      if (roles === undefined) clients.broadcast(method, sent);
      else clients.broadcastTo((context: ClientContext) => isMember(context.accountId), method, sent);
    } else if (target.kind === 'client') {
      const context = clients.contextOf(target.clientId);
      if (context && isMember(context.accountId)) clients.notify(target.clientId, method, sent);
    } else if (isMember(target.accountId)) {
      clients.notifyAccount(target.accountId, method, sent, { exceptClientId: target.exceptClientId });
    }
  }

  async function drain(hostId: string, queue: HostNotification[]): Promise<void> {
    while (queue.length > 0) {
      const next = queue[0];
      const project = next.project as string; // only project notifications wait
      const roles =
        membership.rolesIfLoaded(project) ??
        (await membership.whenLoaded(project).catch((error: unknown) => {
          console.error(`[front] members of ${project} could not be read; a ${next.method} of host ${hostId} dropped:`, error);
          return undefined;
        }));
      queue.shift();
      if (roles) deliver(hostId, next, roles);
      // The ones behind that need no load go out now, in order.
      while (queue.length > 0 && (queue[0].project === undefined || membership.rolesIfLoaded(queue[0].project))) {
        const ready = queue.shift() as HostNotification;
        deliver(hostId, ready, ready.project === undefined ? undefined : membership.rolesIfLoaded(ready.project));
      }
    }
    waiting.delete(hostId);
  }

  function receive(hostId: string, notification: HostNotification): void {
    const queue = waiting.get(hostId);
    if (queue) return void queue.push(notification);
    if (notification.project === undefined) return deliver(hostId, notification, undefined);
    const roles = membership.rolesIfLoaded(notification.project);
    if (roles) return deliver(hostId, notification, roles);
    const started = [notification];
    waiting.set(hostId, started);
    void drain(hostId, started);
  }

  const subscription = nc.subscribe(CLUSTER_SUBJECTS.anyHostNotify, {
    callback: (error, message) => {
      if (error) return console.warn(`[front] notification subscription: ${error.message}`);
      const hostId = hostIdOfSubject(message.subject);
      const notification = parseClusterMessage(HostNotification, message.data, `notification of ${hostId ?? message.subject}`) as HostNotification | undefined;
      if (hostId && notification) receive(hostId, notification);
    },
  });
  return () => subscription.unsubscribe();
}
