import { PROJECT_SCOPED_METHODS, type AcpApiMethod, type AcpApiNotification, type AcpApiNotifications, type AcpApiParams, type ProjectScopedMethod } from '../protocol/index.js';
import type { AcpApi } from './types.js';

/** Whether calls of `method` name a project (PROJECT_SCOPED_METHODS). */
export function isProjectScopedMethod(method: string): method is ProjectScopedMethod {
  return Object.hasOwn(PROJECT_SCOPED_METHODS, method);
}

// The notifications about one project's chats and turns; the others (settings, agents, elicitation) are hub-wide.
const PROJECT_NOTIFICATIONS: ReadonlySet<AcpApiNotification> = new Set(['chat.change', 'turn.event', 'queue.change']);

/**
 * The multiuser page's view of one project on the shared hub connection: project-scoped calls carry
 * `project`, project notifications of other projects are not delivered, and turn subscriptions name
 * the project. Hub-level calls and notifications pass through. Closing it leaves the shared
 * connection open (other projects use it); its listeners are dropped.
 */
export function scopeApiToProject(api: AcpApi, projectId: string): AcpApi {
  const disposers = new Set<() => void>();
  const track = (stop: () => void) => {
    const dispose = () => {
      disposers.delete(dispose);
      stop();
    };
    disposers.add(dispose);
    return dispose;
  };
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
    subscribeTurn: (turnId, fromSeq, onEvent) => track(api.subscribeTurn(turnId, fromSeq, onEvent, { project: projectId })),
    connectionState: () => api.connectionState(),
    onConnectionChange: (listener) => track(api.onConnectionChange(listener)),
    close() {
      for (const dispose of [...disposers]) dispose();
    },
  };
}
