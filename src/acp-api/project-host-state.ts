import { ACP_API_ERROR_CODES, type ProjectHostStatus, type TurnEvent } from '../protocol/index.js';
import { AcpApiError } from './acp-api-error.js';
import type { AcpApi, ConnectionState } from './types.js';

/** Why a project's host is away: the front hub's reason, else the same words. */
function hostUnavailableReason(host: ProjectHostStatus): string {
  return host.reason ?? `project host ${host.id} unavailable`;
}

/** The error a call of the project gets while its host is away, as from the front hub (-32007). */
export function hostUnavailableError(host: ProjectHostStatus): AcpApiError {
  return new AcpApiError(ACP_API_ERROR_CODES.hostUnavailable, hostUnavailableReason(host));
}

const sameState = (a: ConnectionState, b: ConnectionState) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One project's host availability on the shared connection, and what follows from it: the project's
 * connection state (`reconnecting` with the host's reason while the host is away, the shared state
 * otherwise, reported through `emit` on every change) and, when the host is back, every turn
 * subscription made again from the next seq its subscribers expect. Used by scopeApiToProject.
 */
export function createHostState(api: AcpApi, projectId: string, initial: ProjectHostStatus | undefined, emit: (state: ConnectionState) => void) {
  let host = initial;
  let outages = initial?.available === false ? 1 : 0;
  const hostListeners = new Set<(host: ProjectHostStatus | undefined) => void>();
  // turnId -> the subscribers made through this project, each with the next seq it expects
  const turns = new Map<string, Set<{ nextSeq: number }>>();
  const isDown = () => host?.available === false;

  function connectionState(): ConnectionState {
    const shared = api.connectionState();
    if (shared.type !== 'open' || !host || !isDown()) return shared;
    return { type: 'reconnecting', attempt: outages, error: hostUnavailableReason(host) };
  }
  let reported = connectionState();
  function report(state = connectionState()): void {
    if (sameState(state, reported)) return;
    reported = state;
    emit(state);
  }
  const stopShared = api.onConnectionChange(() => report());

  async function resubscribe(turnId: string): Promise<void> {
    const params = { project: projectId, turnId };
    // The host may still hold the old subscription (only the way to it was down): drop it first, or the turn would stream twice.
    await api.call('turn.unsubscribe', params).catch((error: unknown) => console.warn(`[acp-api] turn.unsubscribe ${turnId} before resubscribing failed:`, error));
    const subscribers = turns.get(turnId);
    // Stopped meanwhile, or the socket dropped (its reconnect resubscribes every turn itself).
    if (!subscribers || api.connectionState().type !== 'open') return;
    const fromSeq = Math.min(...[...subscribers].map((subscriber) => subscriber.nextSeq));
    await api.call('turn.subscribe', { ...params, fromSeq }).catch((error: unknown) => console.error(`[acp-api] resubscribing turn ${turnId} of project ${projectId} failed:`, error));
  }

  function resynchronize(): void {
    report();
    for (const turnId of turns.keys()) void resubscribe(turnId);
  }

  /** A new word on the host; `notified`: from a `project.host` notification (not projects.list). */
  function apply(next: ProjectHostStatus | undefined, notified: boolean): void {
    const wasDown = isDown();
    host = next;
    for (const listener of [...hostListeners]) listener(next);
    if (isDown()) {
      if (!wasDown) outages += 1;
      return report();
    }
    // While the socket is down nothing is lost twice: its reconnect resynchronizes every project.
    if (api.connectionState().type !== 'open') return report();
    if (wasDown) return resynchronize();
    if (notified && next) {
      // Back, but the page never saw it go: the host restarted (its subscriptions are gone) or NATS
      // reconnected (notifications may be lost). A blink of the state makes every listener resync.
      outages += 1;
      report({ type: 'reconnecting', attempt: outages, error: `project host ${next.id} was away` });
      resynchronize();
    }
  }

  return {
    connectionState,
    status: () => host,
    told: (next: ProjectHostStatus) => apply(next, true),
    listed: (next: ProjectHostStatus | undefined) => apply(next, false),
    onChange(listener: (host: ProjectHostStatus | undefined) => void): () => void {
      hostListeners.add(listener);
      return () => hostListeners.delete(listener);
    },
    subscribeTurn(turnId: string, fromSeq: number, onEvent: (event: TurnEvent) => void): () => void {
      const subscriber = { nextSeq: Math.max(0, fromSeq) };
      let subscribers = turns.get(turnId);
      if (!subscribers) turns.set(turnId, (subscribers = new Set()));
      subscribers.add(subscriber);
      const own = subscribers;
      const stop = api.subscribeTurn(
        turnId,
        fromSeq,
        (event) => {
          subscriber.nextSeq = event.seq + 1; // the shared client delivers each seq once, in order
          onEvent(event);
        },
        { project: projectId },
      );
      return () => {
        own.delete(subscriber);
        if (own.size === 0 && turns.get(turnId) === own) turns.delete(turnId);
        stop();
      };
    },
    dispose(): void {
      stopShared();
      hostListeners.clear();
    },
  };
}
