import { ACP_API_ERROR_CODES, ACP_API_MAX_FRAME_BYTES, type AcpApiMethod, type AcpApiNotification, type AcpApiNotifications, type AcpApiParams, type AcpApiResult, type ProjectParam, type TurnEvent } from '../protocol/index.js';
import { ACP_API_CLIENT_ERROR_CODES, AcpApiError } from './acp-api-error.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { parseJsonRpcFrame, type JsonRpcResponse } from './json-rpc.js';
import type { AcpTransport, TransportConnection } from './transport.js';
import { TurnSubscriptions } from './turn-subscriptions.js';
import type { AcpApi, CallOptions, ConnectionState } from './types.js';

/** Options of `createAcpApi`. */
export type AcpApiOptions = { requestTimeoutMs?: number; backoff?: BackoffOptions };

type PendingCall = {
  method: string;
  text: string;
  sent: boolean;
  resolve(value: unknown): void;
  reject(error: AcpApiError): void;
  timer: ReturnType<typeof setTimeout>;
};

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The thin acp-api client over a transport: typed JSON-RPC calls with timeouts, notifications, turn
 * subscriptions resumed from the last seq after a reconnect, and a connection state with backoff.
 * Calls made while disconnected wait for the next connection (or their timeout).
 */
export function createAcpApi(transport: AcpTransport, options: AcpApiOptions = {}): AcpApi {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const pending = new Map<number, PendingCall>();
  const notificationListeners = new Map<string, Set<(params: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const turns = new TurnSubscriptions();
  // The extra params (multiuser: the project) a turn's subscription sends, again on every resume.
  const turnParams = new Map<string, ProjectParam>();
  let state: ConnectionState = { type: 'connecting' };
  let connection: TransportConnection | undefined;
  let isOpen = false;
  let attempt = 0;
  let nextId = 1;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of [...connectionListeners]) listener(next);
  }

  function send(text: string): boolean {
    if (!isOpen || !connection) return false;
    connection.send(text);
    return true;
  }

  function settle(response: JsonRpcResponse): void {
    if (typeof response.id !== 'number') return;
    const call = pending.get(response.id);
    if (!call) return;
    pending.delete(response.id);
    clearTimeout(call.timer);
    if ('error' in response) {
      const { code, message, data } = response.error;
      call.reject(new AcpApiError(code, `${call.method}: ${message}`, { data }));
    } else call.resolve(response.result);
  }

  function notify(method: string, params: unknown): void {
    if (method === 'turn.event') {
      const { turnId, event } = params as { turnId: string; event: TurnEvent };
      turns.deliver(turnId, event);
    }
    for (const listener of [...(notificationListeners.get(method) ?? [])]) {
      try {
        listener(params as never);
      } catch (error) {
        console.error(`[acp-api] listener of ${method} failed:`, error);
      }
    }
  }

  function onMessage(text: string): void {
    const parsed = parseJsonRpcFrame(text);
    if (parsed.kind === 'response') settle(parsed.frame);
    else if (parsed.kind === 'request' && parsed.frame.id === undefined) notify(parsed.frame.method, parsed.frame.params);
    else if (parsed.kind === 'invalid') console.error(`[acp-api] ignored a frame from the hub: ${parsed.reason}`);
  }

  function onOpen(): void {
    isOpen = true;
    attempt = 0;
    setState({ type: 'open' });
    for (const { turnId, fromSeq } of turns.resumePoints()) {
      subscribeOnHub(turnId, fromSeq);
    }
    for (const call of pending.values()) {
      if (!call.sent) call.sent = send(call.text);
    }
  }

  function onClose(reason: string): void {
    const wasCurrent = connection !== undefined;
    isOpen = false;
    connection = undefined;
    // In-flight calls cannot be answered on a new connection: fail them so callers can retry.
    for (const [id, call] of pending) {
      if (!call.sent) continue;
      pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new AcpApiError(ACP_API_CLIENT_ERROR_CODES.connectionLost, `${call.method}: connection lost (${reason})`));
    }
    if (state.type === 'closed' || !wasCurrent) return;
    attempt += 1;
    setState({ type: 'reconnecting', attempt, error: reason });
    reconnectTimer = setTimeout(connect, backoffDelay(attempt, backoff));
  }

  function connect(): void {
    reconnectTimer = undefined;
    if (state.type === 'closed') return;
    const current = transport.open({
      onOpen: () => connection === current && onOpen(),
      onMessage: (text) => connection === current && onMessage(text),
      onClose: (reason) => connection === current && onClose(reason),
    });
    connection = current;
  }

  function call<M extends AcpApiMethod>(method: M, params: AcpApiParams<M>, callOptions: CallOptions = {}): Promise<AcpApiResult<M>> {
    if (state.type === 'closed') {
      return Promise.reject(new AcpApiError(ACP_API_CLIENT_ERROR_CODES.closed, `${method}: the client is closed`));
    }
    const id = nextId++;
    const text = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    // Refused here rather than sent: the hub would refuse it too, and a retry after reconnect could never pass.
    if (text.length > ACP_API_MAX_FRAME_BYTES) {
      const megabytes = (text.length / 1024 / 1024).toFixed(1);
      return Promise.reject(new AcpApiError(ACP_API_ERROR_CODES.invalidRequest, `${method}: the request is ${megabytes} MB, more than the hub accepts (${ACP_API_MAX_FRAME_BYTES / 1024 / 1024} MB)`));
    }
    const limit = callOptions.timeoutMs ?? timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AcpApiError(ACP_API_CLIENT_ERROR_CODES.timeout, `${method}: no answer from the hub within ${limit} ms`));
      }, limit);
      const entry: PendingCall = { method, text, sent: false, resolve: resolve as (value: unknown) => void, reject, timer };
      pending.set(id, entry);
      entry.sent = send(text);
    });
  }

  /**
   * The catch of a call nobody awaits. A lost connection needs nothing: the hub drops a leaving
   * client's subscriptions, and the client resubscribes on reconnect. Anything else is logged.
   */
  function logFailure(what: string): (error: unknown) => void {
    return (error) => {
      if (AcpApiError.isInstance(error) && error.code === ACP_API_CLIENT_ERROR_CODES.connectionLost) return;
      if (state.type !== 'closed') console.error(`[acp-api] ${what} failed:`, error);
    };
  }

  function subscribeOnHub(turnId: string, fromSeq: number): void {
    call('turn.subscribe', { ...turnParams.get(turnId), turnId, fromSeq }).catch(logFailure(`turn.subscribe ${turnId}`));
  }

  function subscribeTurn(turnId: string, fromSeq: number, onEvent: (event: TurnEvent) => void, params: ProjectParam = {}): () => void {
    const subscriber = turns.add(turnId, fromSeq, onEvent);
    turnParams.set(turnId, params);
    subscribeOnHub(turnId, fromSeq);
    return () => {
      if (turns.remove(turnId, subscriber)) {
        turnParams.delete(turnId);
        if (state.type !== 'closed') call('turn.unsubscribe', { ...params, turnId }).catch(logFailure(`turn.unsubscribe ${turnId}`));
      }
    };
  }

  function on<N extends AcpApiNotification>(name: N, listener: (params: AcpApiNotifications[N]) => void): () => void {
    let listeners = notificationListeners.get(name);
    if (!listeners) notificationListeners.set(name, (listeners = new Set()));
    listeners.add(listener as (params: never) => void);
    return () => listeners.delete(listener as (params: never) => void);
  }

  function close(): void {
    if (state.type === 'closed') return;
    setState({ type: 'closed', reason: 'closed by the client' });
    clearTimeout(reconnectTimer);
    const current = connection;
    connection = undefined;
    isOpen = false;
    current?.close();
    for (const call of pending.values()) {
      clearTimeout(call.timer);
      call.reject(new AcpApiError(ACP_API_CLIENT_ERROR_CODES.closed, `${call.method}: the client was closed`));
    }
    pending.clear();
  }

  connect();
  return {
    call,
    on,
    subscribeTurn,
    connectionState: () => state,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close,
  };
}
