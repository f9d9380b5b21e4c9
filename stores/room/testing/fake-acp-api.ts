import type { AcpApi, ConnectionState } from '../../../src/acp-api/index.js';
import type { AcpApiMethod, AcpApiNotification, AcpApiNotifications, AcpApiParams, AcpApiResult, TurnEvent } from '../../../src/protocol/index.js';

type Handler<M extends AcpApiMethod> = (params: AcpApiParams<M>) => AcpApiResult<M> | Promise<AcpApiResult<M>>;
/** Answers for the methods a test uses; a call to any other method fails loudly. */
export type FakeHandlers = { [M in AcpApiMethod]?: Handler<M> };

/**
 * An in-process AcpApi for jsdom component tests, where no hub process can be driven from the
 * page. It records calls, answers from `handlers`, and lets the test push notifications and
 * connection changes. Integration against the real hub lives in the hub's and e2e tests.
 */
export function createFakeAcpApi(handlers: FakeHandlers = {}) {
  const calls: Array<{ method: AcpApiMethod; params: unknown }> = [];
  const listeners = new Map<string, Set<(params: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const turnListeners = new Map<string, Set<(event: TurnEvent) => void>>();
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
    subscribeTurn(turnId, _fromSeq, onEvent) {
      const set = turnListeners.get(turnId) ?? new Set();
      turnListeners.set(turnId, set);
      set.add(onEvent);
      return () => void set.delete(onEvent);
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

  return {
    api,
    calls,
    callsOf: (method: AcpApiMethod) => calls.filter((call) => call.method === method).map((call) => call.params),
    emit<N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]) {
      for (const listener of listeners.get(name) ?? []) (listener as (params: AcpApiNotifications[N]) => void)(params);
    },
    pushTurnEvent(turnId: string, event: TurnEvent) {
      for (const listener of turnListeners.get(turnId) ?? []) listener(event);
    },
    setConnection(state: ConnectionState) {
      connection = state;
      for (const listener of connectionListeners) listener(state);
    },
  };
}
