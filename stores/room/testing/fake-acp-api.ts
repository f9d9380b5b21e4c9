import type { AcpApi, ConnectionState } from '../../../src/acp-api/index.js';
import type { AcpApiMethod, AcpApiNotification, AcpApiNotifications, AcpApiParams, AcpApiResult, TurnEvent } from '../../../src/protocol/index.js';

type Handler<M extends AcpApiMethod> = (params: AcpApiParams<M>) => AcpApiResult<M> | Promise<AcpApiResult<M>>;
/** Answers for the methods a test uses; a call to any other method fails loudly. */
export type FakeHandlers = { [M in AcpApiMethod]?: Handler<M> };

/**
 * An in-process AcpApi for jsdom component tests, where no hub process can be driven from the
 * page. It records calls, answers from `handlers`, and lets the test push notifications and
 * connection changes. Turn events pushed by the test form each turn's log; `subscribeTurn` keeps the
 * real client's contract: it replays the log from `fromSeq`, then delivers live events, each at
 * most once and none below `fromSeq`. Integration against the real hub lives in the hub's and e2e tests.
 */
export function createFakeAcpApi(handlers: FakeHandlers = {}) {
  const calls: Array<{ method: AcpApiMethod; params: unknown }> = [];
  const listeners = new Map<string, Set<(params: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const turnLogs = new Map<string, TurnEvent[]>();
  const turnSubscribers = new Map<string, Set<{ nextSeq: number; onEvent: (event: TurnEvent) => void }>>();
  const subscriptions: Array<{ turnId: string; fromSeq: number }> = [];
  let connection: ConnectionState = { type: 'open' };

  const api: AcpApi = {
    async call<M extends AcpApiMethod>(method: M, params: AcpApiParams<M>) {
      calls.push({ method, params });
      const handler = handlers[method] as Handler<M> | undefined;
      if (!handler) throw new Error(`[fake-acp-api] no handler for ${method}`);
      return handler(params);
    },
    on<N extends AcpApiNotification>(name: N, listener: (params: AcpApiNotifications[N]) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (params: never) => void);
      return () => void set.delete(listener as (params: never) => void);
    },
    subscribeTurn(turnId, fromSeq, onEvent) {
      subscriptions.push({ turnId, fromSeq });
      const subscriber = { nextSeq: Math.max(0, fromSeq), onEvent };
      for (const event of turnLogs.get(turnId) ?? []) deliver(subscriber, event);
      const set = turnSubscribers.get(turnId) ?? new Set();
      turnSubscribers.set(turnId, set);
      set.add(subscriber);
      return () => void set.delete(subscriber);
    },
    connectionState: () => connection,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    close() {
      connection = { type: 'closed', reason: 'closed by test' };
    },
  };

  function deliver(subscriber: { nextSeq: number; onEvent: (event: TurnEvent) => void }, event: TurnEvent) {
    if (event.seq < subscriber.nextSeq) return;
    subscriber.nextSeq = event.seq + 1;
    subscriber.onEvent(event);
  }

  return {
    api,
    calls,
    /** Every subscribeTurn call, with the seq it asked to start from. */
    subscriptions,
    callsOf: (method: AcpApiMethod) => calls.filter((call) => call.method === method).map((call) => call.params),
    emit<N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]) {
      for (const listener of listeners.get(name) ?? []) (listener as (params: AcpApiNotifications[N]) => void)(params);
    },
    /** Appends `event` to the turn's log and delivers it to the subscribers expecting it. */
    pushTurnEvent(turnId: string, event: TurnEvent) {
      const log = turnLogs.get(turnId) ?? [];
      turnLogs.set(turnId, log);
      log.push(event);
      for (const subscriber of [...(turnSubscribers.get(turnId) ?? [])]) deliver(subscriber, event);
    },
    /** Live subscribers of a turn. */
    subscriberCount: (turnId: string) => turnSubscribers.get(turnId)?.size ?? 0,
    setConnection(state: ConnectionState) {
      connection = state;
      for (const listener of connectionListeners) listener(state);
    },
  };
}
