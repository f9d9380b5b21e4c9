import type { AcpApiMethod, AcpApiNotification, AcpApiNotifications, AcpApiParams, AcpApiResult, ContentBlock, HubSettings, PublicCustomize, TurnEvent } from '../protocol/index.js';
import type { SyncDB } from '../syncdb/index.js';
import type { AgentLauncher } from './turns/agent-process.js';
import type { AgentsService } from './turns/agents-service.js';

/** A turn event before the log numbered it. */
export type UnsequencedTurnEvent = TurnEvent extends infer E ? (E extends TurnEvent ? Omit<E, 'seq'> : never) : never;

/** Who is calling a hub method: one WebSocket client. */
export type ClientContext = {
  clientId: string;
  /** Lite: the hub's local account; multiuser: the logged-in account. */
  accountId: string;
  isAdmin: boolean;
  /** The client's address (audit rows); multiuser sets it. */
  ip?: string;
};

/** A hub method implementation. Throw an `AcpApiError` (from src/acp-api) for a clean JSON-RPC error. */
export type MethodHandler<M extends AcpApiMethod> = (params: AcpApiParams<M>, context: ClientContext) => Promise<AcpApiResult<M>>;
/** Handlers for some of the acp-api methods. */
export type MethodHandlers = { [M in AcpApiMethod]?: MethodHandler<M> };

/** Which thread a turn belongs to, recorded when its log is created. */
export type TurnLogMeta = {
  path: string;
  threadKey: string;
  createdAt: string;
  /** The account that started the turn (turns logged before it was recorded have none). */
  accountId?: string;
  /** Set when the turn's events were deleted (logs.delete, retention) while its chat row stays: a tombstone. */
  logDeletedAt?: string;
};

/** Per-turn append-only logs in the state directory (owned by event-log / turn-log-store). */
export interface TurnLogStore {
  /** Creates the log of a new turn with its thread (before its first event). */
  create(turnId: string, meta: TurnLogMeta): void;
  meta(turnId: string): TurnLogMeta | undefined;
  /** Turn ids of one thread, oldest first. */
  listByThread(path: string, threadKey: string): string[];
  /** Appends with the next seq (from 0, no gaps) and returns the numbered event. */
  append(turnId: string, event: UnsequencedTurnEvent): TurnEvent;
  /** The last event, read cheaply (the file's tail when the log is not in memory). */
  lastEvent(turnId: string): TurnEvent | undefined;
  /** Events with seq >= fromSeq. */
  read(turnId: string, fromSeq?: number): TurnEvent[];
  /** Replays from fromSeq, then streams live ones: none missed, none twice. Returns the disposer. */
  subscribe(turnId: string, fromSeq: number, listener: (event: TurnEvent) => void): () => void;
  /** Turn ids that have a log. */
  list(): string[];
  delete(turnId: string): void;
  /** Deletes the events but keeps the meta with `logDeletedAt`, so the hub can tell "deleted" from "unknown". */
  discard(turnId: string, deletedAt: string): void;
  /** Bytes of every log file (events and metas) and how many turns still have events. */
  stats(): { bytes: number; turns: number };
  /** Keeps the prompt of a turn while it waits in its queue, so a restarted hub runs it; null once it left the queue. */
  saveQueued(turnId: string, request: QueuedTurnRequest | null): void;
  /** The saved prompt of a queued turn (undefined: none, or unreadable). */
  queuedRequest(turnId: string): QueuedTurnRequest | undefined;
  flush(): Promise<void>;
}

/** What a queued turn needs besides its meta to run after a restart. */
export type QueuedTurnRequest = { prompt: ContentBlock[]; userDate: string; editedBy?: string };

/** Access to the live chat documents the hub holds (one MemorySyncDB per open file). */
export interface ChatDocuments {
  /**
   * Opens (or returns the already open) document at a workspace-relative path, for a short use: a
   * document nobody holds is unloaded a little later (its writes saved first).
   */
  open(path: string): Promise<SyncDB>;
  /** The document, kept loaded until `release()` (a running turn). */
  lease(path: string): Promise<{ db: SyncDB; release(): void }>;
}

/** Secrets (API keys) kept in a 0600 file in the state directory; never sent to a browser. */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): Promise<void>;
}

/** The API key a turn's agent starts with and whose it is, or why the turn cannot start (its message for the user). */
export type ResolvedCredential = { apiKey?: string; source: 'user' | 'site' | 'none' } | { problem: string };
/** Which key the agent of a turn started by `accountId` gets; never rejects for a missing key (that is a problem). */
export type CredentialResolver = (agentId: string, accountId: string) => Promise<ResolvedCredential>;

/** What the hub gives the turn service (src/hub/turns). */
export type TurnServiceDeps = {
  /** Absolute workspace root. */
  root: string;
  /** Absolute state directory. */
  stateDir: string;
  documents: ChatDocuments;
  turnLogs: TurnLogStore;
  settings: () => HubSettings;
  secrets: SecretStore;
  /** Which key a turn's agent starts with (multiuser: src/multiuser/credentials); absent: the key in `secrets`, as lite always did. */
  resolveCredential?: CredentialResolver;
  /** Where agent processes start: absent, on the host; a project container launcher (src/hub/containers) runs them in podman. */
  agentLauncher?: AgentLauncher;
  /** Agent process limits: stop an agent idle this long (ms), keep at most maxLive running (defaults in turns/agent-pool.ts). */
  agentLimits?: { idleMs?: number; maxLive?: number };
  /** The agents knowledge shared by every workspace of a multiuser hub; the turn service makes its own when absent. */
  agents?: AgentsService;
  /** Push a notification to every connected client (of this workspace, in multiuser). */
  broadcast: <N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]) => void;
  /** Push a notification to the clients of one account only (all its tabs but `exceptClientId`): URL elicitations. */
  notifyAccount: <N extends AcpApiNotification>(accountId: string, name: N, params: AcpApiNotifications[N], options?: { exceptClientId?: string }) => void;
};

/** The turn runner and agents, as the hub mounts them. */
export interface TurnService {
  /** turn.send, turn.cancelQueued, turn.interrupt, queue.get, permission.respond, session.*, agents.* */
  handlers: MethodHandlers;
  /** At start-up: mark turns that were running when the hub died as interrupted. */
  recoverInterrupted(): Promise<void>;
  /** The agents on offer with their models, for `GET /customize`. */
  agentsForCustomize(): PublicCustomize['agents'];
  /** Stop every agent process group. */
  shutdown(): Promise<void>;
}
