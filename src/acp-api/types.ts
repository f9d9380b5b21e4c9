import type {
  AcpApiMethod,
  AcpApiNotification,
  AcpApiNotifications,
  AcpApiParams,
  AcpApiResult,
  ProjectParam,
  TurnEvent,
} from '../protocol/index.js';

/** The client's connection to the hub, for a UI indicator. */
export type ConnectionState =
  | { type: 'connecting' }
  | { type: 'open' }
  | { type: 'reconnecting'; attempt: number; error?: string }
  | { type: 'closed'; reason?: string };

/** Options of one call. */
export type CallOptions = { timeoutMs?: number };

/**
 * The thin acp-api client: typed JSON-RPC calls, hub notifications, and turn subscriptions that
 * survive reconnects (resubscribing from the last seq seen). It holds no UI state.
 */
export interface AcpApi {
  call<M extends AcpApiMethod>(method: M, params: AcpApiParams<M>, options?: CallOptions): Promise<AcpApiResult<M>>;
  /** Listen to a hub notification; returns the disposer. */
  on<N extends AcpApiNotification>(name: N, listener: (params: AcpApiNotifications[N]) => void): () => void;
  /**
   * Every event of the turn with seq >= fromSeq, then live ones, none missed, none twice. `params`
   * go with turn.subscribe / turn.unsubscribe (multiuser: the turn's `project`), also on resume.
   */
  subscribeTurn(turnId: string, fromSeq: number, onEvent: (event: TurnEvent) => void, params?: ProjectParam): () => void;
  connectionState(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
