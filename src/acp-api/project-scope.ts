import { PROJECT_SCOPED_METHODS, type AcpApiMethod, type AcpApiNotification, type AcpApiNotifications, type AcpApiParams, type ProjectHostStatus, type ProjectScopedMethod } from '../protocol/index.js';
import { createHostState } from './project-host-state.js';
import type { AcpApi, ConnectionState } from './types.js';

/** Whether calls of `method` name a project (PROJECT_SCOPED_METHODS). */
export function isProjectScopedMethod(method: string): method is ProjectScopedMethod {
  return Object.hasOwn(PROJECT_SCOPED_METHODS, method);
}

// The notifications about one project; the others (settings, agents, elicitation) are hub-wide.
const PROJECT_NOTIFICATIONS: ReadonlySet<AcpApiNotification> = new Set(['chat.change', 'turn.event', 'queue.change', 'project.host']);

/** One project's api on the shared connection, with its host's availability (a cluster's front hub tells it). */
export interface ProjectApi extends AcpApi {
  /** The project's host as last told (projects.list, `project.host`); undefined on a hub without hosts. */
  hostStatus(): ProjectHostStatus | undefined;
  onHostChange(listener: (host: ProjectHostStatus | undefined) => void): () => void;
  /** projects.list's word on the host (e.g. after a reconnect): only a change of availability counts. */
  updateHost(host: ProjectHostStatus | undefined): void;
}

/**
 * The multiuser page's view of one project on the shared hub connection: project-scoped calls carry
 * `project`, project notifications of other projects are not delivered, and turn subscriptions name
 * the project. Hub-level calls and notifications pass through. Closing it leaves the shared
 * connection open (other projects use it); its listeners are dropped.
 *
 * In a cluster the project's host can be away while the connection is up. Its connection state is
 * then `reconnecting` with the host's reason (chat documents hold their writes, as while the socket is
 * down), and when the host is back it is `open` again and every turn subscription is made again from
 * its last seq: the project resynchronizes as after a reconnect, other projects are not disturbed.
 */
export function scopeApiToProject(api: AcpApi, projectId: string, options: { host?: ProjectHostStatus } = {}): ProjectApi {
  const disposers = new Set<() => void>();
  const track = (stop: () => void) => {
    const dispose = () => {
      disposers.delete(dispose);
      stop();
    };
    disposers.add(dispose);
    return dispose;
  };
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const host = createHostState(api, projectId, options.host, (state) => {
    for (const listener of [...connectionListeners]) listener(state);
  });
  track(host.dispose);
  track(api.on('project.host', (params) => params.project === projectId && host.told(params.host)));

  return {
    call<M extends AcpApiMethod>(method: M, params: AcpApiParams<M>, options?: Parameters<AcpApi['call']>[2]) {
      const scoped = isProjectScopedMethod(method) ? ({ ...params, project: projectId } as AcpApiParams<M>) : params;
      return api.call(method, scoped, options);
    },
    on<N extends AcpApiNotification>(name: N, listener: (params: AcpApiNotifications[N]) => void) {
      const filtered = PROJECT_NOTIFICATIONS.has(name)
        ? (params: AcpApiNotifications[N]) => {
            if ((params as { project?: string }).project === projectId) listener(params);
          }
        : listener;
      return track(api.on(name, filtered));
    },
    subscribeTurn: (turnId, fromSeq, onEvent) => track(host.subscribeTurn(turnId, fromSeq, onEvent)),
    connectionState: host.connectionState,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return track(() => connectionListeners.delete(listener));
    },
    hostStatus: host.status,
    onHostChange: (listener) => track(host.onChange(listener)),
    updateHost: (next) => host.listed(next),
    close() {
      for (const dispose of [...disposers]) dispose();
    },
  };
}
