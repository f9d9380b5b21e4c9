import type { ContentBlock, SessionConfigOption } from './acp.js';
import type { AgentCapabilities } from './agent-capabilities.js';
import type { Row, RowKey } from './chat-rows.js';
import type { AuditQuery, AuditRow, CredentialStatus, ElicitationAction, ElicitationRequest, HubMode, Person, ProjectHostStatus, ProjectInfo, ProjectRole } from './multiuser.js';
import type { HubSettings } from './settings.js';
import type { TurnEvent } from './turn-event.js';

/** Version of the browser <-> hub protocol; bumped on incompatible changes. */
export const ACP_API_VERSION = 1;

/** A chat file of the workspace. */
export type ChatFileInfo = { path: string; size: number; modifiedAt: string };

/** A turn waiting in a thread's queue (its plan); `accountId` sent it, `editedBy` last edited its text. */
export type QueuedTurn = { turnId: string; position: number; userDate: string; text: string; accountId: string; editedBy?: string };

/** What changed a thread's queue, and the account that did it (queue.change). */
export type QueueAction = 'add' | 'cancel' | 'start' | 'move' | 'edit' | 'sendNow' | 'pause' | 'resume';
export type QueueChangeBy = { action: QueueAction; accountId: string; turnId?: string };

/**
 * Where the hub runs agents, as the admin page shows it (read-only, sent to admins only): in podman
 * project containers with these settings, or (`none`) on the host.
 */
export type ContainerSettingsInfo =
  | { mode: 'none' }
  | {
      mode: 'podman';
      rootfs?: string;
      image?: string;
      network: 'on' | 'off' | 'host-loopback';
      memory?: string;
      pids?: number;
      cpus?: number;
      idleStopSeconds: number;
    };

/** An auth method an agent offers (ACP `authMethods`). */
export type AgentAuthMethod = { id: string; name: string; description?: string; needsApiKey: boolean };

/** One agent on offer, as `agents.list` reports it. */
export type AgentInfo = {
  id: string;
  label: string;
  /** The built-in offline demo agent. */
  demo: boolean;
  installed: boolean;
  /** false when the agent answered "authentication required"; null when not known yet. */
  signedIn: boolean | null;
  enabled: boolean;
  authMethods: AgentAuthMethod[];
  /** Last known config options (models, reasoning levels, modes) the agent reported. */
  configOptions: SessionConfigOption[];
  /** Whether the agent accepts image prompt content. */
  acceptsImages: boolean | null;
  /** What the agent reported it can do (deriveCapabilities); absent until it ran once. */
  capabilities?: AgentCapabilities;
  /** How to install the agent when it is missing (a command to run on the hub's machine). */
  installHint?: string;
  /** Whether the agent's own command sandbox can start on the hub's machine (probed; Codex's bwrap), and why not. */
  sandbox?: { available: boolean; reason?: string };
  problem?: string;
};

/** The JSON-RPC methods the hub serves over `/api/ws`: params and result of each. */
export type AcpApiMethods = {
  'chat.list': { params: Record<string, never>; result: { files: ChatFileInfo[] } };
  'chat.create': { params: { path: string }; result: { path: string } };
  /**
   * `path` in the result: the normalized workspace-relative path that `chat.change` notifications carry;
   * `version`: the document's change counter at the snapshot (later `chat.change`s have higher ones).
   * `thread` (a thread key): a thread-first open of a long chat; the answer may then be `partial`: that
   * thread's rows plus the root and newest message of every other thread and every non-message row
   * (see threadFirstRows). The client opens again without `thread` for the whole document.
   */
  'chat.open': { params: { path: string; thread?: string }; result: { rows: Row[]; path?: string; version?: number; partial?: boolean } };
  'chat.close': { params: { path: string }; result: Record<string, never> };
  'chat.set': { params: { path: string; rows: Row[] }; result: Record<string, never> };
  'chat.delete': { params: { path: string; keys: RowKey[] }; result: Record<string, never> };
  'turn.send': {
    params: { path: string; threadKey: string; prompt: ContentBlock[]; userDate: string };
    result: { turnId: string; position: number };
  };
  'turn.cancelQueued': { params: { turnId: string }; result: { cancelled: boolean } };
  'turn.interrupt': { params: { turnId: string }; result: Record<string, never> };
  /** `logDeleted`: the turn's activity log was deleted (its chat row stays); no events follow. */
  'turn.subscribe': { params: { turnId: string; fromSeq: number }; result: { logDeleted?: boolean } };
  'turn.unsubscribe': { params: { turnId: string }; result: Record<string, never> };
  /** `paused`: the thread keys whose queue is paused (holds after the running turn). */
  'queue.get': { params: { path: string }; result: { queues: Record<string, QueuedTurn[]>; paused?: string[] } };
  /** Moves a queued turn to `toIndex` (0 = runs next; clamped to the queue). */
  'queue.move': { params: { turnId: string; toIndex: number }; result: { queue: QueuedTurn[] } };
  /** Replaces the text of a queued turn (what the agent will receive) and of its chat message. */
  'queue.edit': { params: { turnId: string; prompt: string }; result: { queue: QueuedTurn[] } };
  /** Interrupts the thread's running turn (if any) and runs this queued turn next, even when paused. */
  'queue.sendNow': { params: { turnId: string }; result: { queue: QueuedTurn[] } };
  /** Pauses a thread's queue after its running turn (`paused: true`), or resumes it. */
  'queue.pause': { params: { path: string; threadKey: string; paused: boolean }; result: { paused: boolean } };
  'permission.respond': {
    params: { turnId: string; requestId: string; optionId: string };
    result: Record<string, never>;
  };
  'session.setOption': {
    params: { path: string; threadKey: string; configId: string; value: string | number | boolean };
    /**
     * Always saved in `acp_config.options`. `applied`: `now` when the thread's live, idle agent session
     * took it at once; `next-turn` when it applies at the next turn start (a turn is running, no agent
     * is running, or the agent refused it now); `message` says which, for the user.
     */
    result: { applied?: 'now' | 'next-turn'; message?: string };
  };
  'session.fork': { params: { path: string; threadKey: string }; result: { threadKey: string } };
  /** Deletes ended turns' events (refused while one runs); their rows keep the text and get `acp_turn.logDeleted`. */
  'logs.delete': { params: { path: string; threadKey: string; turnId?: string }; result: { deleted: number } };
  /** Admin only: bytes of the hub's turn logs and how many turns still have events. */
  'logs.stats': { params: Record<string, never>; result: { bytes: number; turns: number } };
  /**
   * Keeps or discards hunks of a diff item's file (hunk indexes of `fileDiff(oldText, newText)`);
   * discard writes the old text of those hunks back, refused (`ok: false`, with the file's current
   * text) when the file no longer has the agent's text there. Recorded as a `review` turn event.
   */
  'files.reviewHunks': {
    /** `path`/`threadKey`, when given, must be the turn's chat and thread (the turn id names both). */
    params: { path?: string; threadKey?: string; turnId: string; itemId: string; file: string; hunks: number[]; decision: 'keep' | 'discard' };
    result: { ok: true } | { ok: false; conflict: string; currentText: string | null };
  };
  'files.list': { params: { query?: string; limit?: number }; result: { files: string[]; truncated?: boolean } };
  'agents.list': { params: Record<string, never>; result: { agents: AgentInfo[] } };
  'agents.authenticate': {
    params: { agent: string; methodId: string; apiKey?: string };
    result: { ok: boolean; message?: string; url?: string; code?: string };
  };
  'settings.get': {
    params: Record<string, never>;
    /**
     * `accountId`: who this client is (the hub's local account), so the page can mark its own rows;
     * `accountName`: that account's display name (the OS user's until renamed), for the local account;
     * `containers`: admins only, where agents run (multiuser always; lite with --sandbox podman).
     */
    result: { settings: HubSettings; isAdmin: boolean; accountId: string; accountName?: string; mode?: HubMode; email?: string; containers?: ContainerSettingsInfo };
  };
  'settings.set': { params: { settings: Partial<HubSettings> }; result: { settings: HubSettings } };
  /** Renames the hub's local account (1-80 characters); answers the saved name. */
  'account.setName': { params: { name: string }; result: { accountName: string } };
  /** The projects the caller is a member of (lite: the one workspace, as project "local"). */
  'projects.list': { params: Record<string, never>; result: { projects: ProjectInfo[] } };
  /** Display names of accounts (authors, approvers); unknown ids are left out. Multiuser: only people sharing a project with the caller. */
  'people.get': { params: { accountIds: string[] }; result: { people: Person[] } };
  /** The caller's agent credentials (never the secrets). */
  /** `siteKeys`: whether this hub keeps site-wide keys (multiuser; lite has none, so no admin fields for them). */
  'credentials.list': { params: Record<string, never>; result: { credentials: CredentialStatus[]; siteKeys?: boolean } };
  /** Stores the caller's own key for an agent ("Connect Codex"), encrypted at rest. */
  'credentials.set': { params: { agent: string; apiKey: string }; result: { credentials: CredentialStatus[] } };
  'credentials.clear': { params: { agent: string }; result: { credentials: CredentialStatus[] } };
  /** Admin: replaces (a string) or removes (null) the site-wide key of an agent. */
  'credentials.setSite': { params: { agent: string; apiKey: string | null }; result: { credentials: CredentialStatus[] } };
  /** Audit rows the caller may see (members: their projects; admins: all), newest first. */
  'audit.list': { params: AuditQuery; result: { rows: AuditRow[]; next?: string } };
  /** Answers an elicitation.request (the agent goes on, or its sign-in is declined / cancelled). */
  'elicitation.respond': { params: { elicitationId: string; action: ElicitationAction }; result: Record<string, never> };
};

/** A method name of the acp-api. */
export type AcpApiMethod = keyof AcpApiMethods;

/**
 * The methods that act on one project's chats, turns and files, with the least role each needs. In
 * multiuser mode their params carry `project` (the hub checks the caller's role before it runs them);
 * lite mode takes them without it (its one workspace). Notifications about a project carry it too.
 */
export const PROJECT_SCOPED_METHODS = {
  'chat.list': 'viewer',
  'chat.open': 'viewer',
  'chat.close': 'viewer',
  'turn.subscribe': 'viewer',
  'turn.unsubscribe': 'viewer',
  'queue.get': 'viewer',
  'files.list': 'viewer',
  'chat.create': 'collaborator',
  'chat.set': 'collaborator',
  'chat.delete': 'collaborator',
  'turn.send': 'collaborator',
  'turn.cancelQueued': 'collaborator',
  'turn.interrupt': 'collaborator',
  'queue.move': 'collaborator',
  'queue.edit': 'collaborator',
  'queue.sendNow': 'collaborator',
  'queue.pause': 'collaborator',
  'permission.respond': 'collaborator',
  'session.setOption': 'collaborator',
  'session.fork': 'collaborator',
  'logs.delete': 'collaborator',
  'files.reviewHunks': 'collaborator',
} as const satisfies Partial<Record<AcpApiMethod, ProjectRole>>;
/** A method that names a project (see PROJECT_SCOPED_METHODS). */
export type ProjectScopedMethod = keyof typeof PROJECT_SCOPED_METHODS;
/** The project param of a scoped call (multiuser: required; lite: absent). */
export type ProjectParam = { project?: string };

/** Params of a method. */
export type AcpApiParams<M extends AcpApiMethod> = M extends ProjectScopedMethod
  ? // An empty params type (Record<string, never>) would make `project` never: scoped ones take just the project.
    AcpApiMethods[M]['params'] extends Record<string, never>
    ? ProjectParam
    : AcpApiMethods[M]['params'] & ProjectParam
  : AcpApiMethods[M]['params'];
/** Result of a method. */
export type AcpApiResult<M extends AcpApiMethod> = AcpApiMethods[M]['result'];

/** Notifications the hub pushes to clients. */
export type AcpApiNotifications = {
  /** `version`: the document's change counter after this change (see chat.open). */
  'chat.change': { path: string; rows: Row[]; deleted: RowKey[]; version?: number } & ProjectParam;
  'turn.event': { turnId: string; event: TurnEvent } & ProjectParam;
  'queue.change': { path: string; threadKey: string; queue: QueuedTurn[]; paused?: boolean; by?: QueueChangeBy } & ProjectParam;
  'settings.change': { settings: HubSettings };
  'agents.change': { agents: AgentInfo[] };
  /** To the account that started the turn only. */
  'elicitation.request': ElicitationRequest;
  /** The elicitation was answered or withdrawn (another tab, the agent, the turn ended). */
  'elicitation.done': { elicitationId: string };
  /**
   * Cluster: the host of a project went away or came back. Sent to the project's members. When it is
   * `available` again after an outage, the page resynchronizes that project (reopens its chats,
   * resubscribes its turns from their last seq), as after a reconnect.
   */
  'project.host': { project: string; host: ProjectHostStatus };
};
/** A notification name. */
export type AcpApiNotification = keyof AcpApiNotifications;

/** The largest JSON-RPC frame the hub accepts from a client (a bigger one gets a JSON-RPC error). */
export const ACP_API_MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** Sizes the hub checks up front, refusing with -32602 (invalid params) and the limit in the message. */
export const ACP_API_LIMITS = {
  /** Characters of a workspace-relative path. */
  maxPathChars: 1024,
  /** UTF-8 bytes of one path segment (the file-name limit of common file systems). */
  maxPathSegmentBytes: 255,
  /** Nesting of objects and arrays in one chat row. */
  maxRowDepth: 32,
  /** Serialized UTF-8 bytes of one chat row. */
  maxRowBytes: 4 * 1024 * 1024,
  /** Nesting of a request's params. */
  maxParamsDepth: 40,
} as const;

/**
 * The hub's heartbeat notification, sent with every WebSocket ping: browsers cannot see ping frames,
 * so a client that hears nothing (no heartbeat, no other frame) for two intervals takes the
 * connection as dead and reconnects. Transports consume it; the API client never sees it.
 */
export const ACP_API_HEARTBEAT_METHOD = 'hub.heartbeat';
/** The params of the heartbeat: how often the next ones come. */
export type AcpApiHeartbeat = { intervalMs: number };
/** The default heartbeat (and ping) interval of the hub. */
export const ACP_API_HEARTBEAT_INTERVAL_MS = 30_000;

/** JSON-RPC error codes the hub uses beyond the standard ones. */
export const ACP_API_ERROR_CODES = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  forbidden: -32001,
  notFound: -32002,
  pathOutsideWorkspace: -32003,
  conflict: -32004,
  agentUnavailable: -32005,
  authRequired: -32006,
  /** Cluster: the project's host does not answer (down, restarting, or NATS unreachable). */
  hostUnavailable: -32007,
} as const;
