import type {
  ContentBlock,
  PermissionOption,
  PermissionState,
  SessionConfigOption,
  TurnState,
} from '../protocol/index.js';

/** Id of an activity item: a tool call's `toolCallId`, else derived from the event that opened it. */
export type ItemId = string;

/**
 * Status of a tool-like item (after Zed's ToolCallStatus).
 * pending: announced, not started; awaiting-approval: blocked on a permission; in-progress: running;
 * completed: finished fine; failed: finished with an error; rejected: the user denied it;
 * cancelled: the turn ended before it finished.
 */
export type ItemStatus = 'pending' | 'awaiting-approval' | 'in-progress' | 'completed' | 'failed' | 'rejected' | 'cancelled';

/** Text kept bounded: the first and last parts, and how much was dropped in between. */
export type BoundedText = {
  head: string;
  tail: string;
  /** Characters dropped between head and tail. */
  droppedChars: number;
  /** Total characters and newline-terminated lines ever appended. */
  totalChars: number;
  totalLines: number;
};

type ItemBase = {
  id: ItemId;
  /** `t` of the event that opened and of the one that last changed the item (epoch ms). */
  startedAt: number;
  updatedAt: number;
};

/** A message of the agent (or, in a `session/load` replay, of the user). Chunks merge by messageId. */
export type MessageItem = ItemBase & { kind: 'message'; role: 'agent' | 'user'; messageId: string | null; text: string };
/** The agent's reasoning, streamed. */
export type ReasoningItem = ItemBase & { kind: 'reasoning'; messageId: string | null; text: string };
/** A shell command with its streamed output. */
export type TerminalItem = ItemBase & {
  kind: 'terminal';
  toolCallId: string;
  title: string;
  command: string | null;
  cwd: string | null;
  status: ItemStatus;
  output: BoundedText;
  exitCode: number | null;
  signal: string | null;
  /** The agent's own tool kind and tool name (codex-acp: `exec_command`), when it gave them. */
  toolKind?: string;
  toolName?: string | null;
};
/** One file of a diff item. `oldText` null = a new file; `newText` null = a deleted file. */
export type DiffFile = { path: string; oldText: string | null; newText: string | null; change: 'add' | 'update' | 'delete' | 'move'; movePath?: string };
/** A file edit (`edit`/`delete`/`move` tool call with diff content). */
export type DiffItem = ItemBase & {
  kind: 'diff';
  toolCallId: string;
  title: string;
  status: ItemStatus;
  files: DiffFile[];
  /** The agent's own tool kind (`edit`, `delete`, `move`) and tool name, when it gave them. */
  toolKind?: string;
  toolName?: string | null;
  /** Review decisions (`review` events): file path -> hunk index -> the latest decision. */
  reviews?: Record<string, Record<number, HunkReview>>;
};
/** A kept or discarded hunk of an edit, by whom (account id) and when (ISO time). */
export type HunkReview = { decision: 'keep' | 'discard'; decidedBy: string; decidedAt: string };
/** Read/search, fetch, think, and any other tool call. */
export type ToolItem = ItemBase & {
  kind: 'read' | 'fetch' | 'think' | 'tool';
  toolCallId: string;
  title: string;
  /** The agent's own tool kind (`read`, `search`, `other`, ...). */
  toolKind: string;
  status: ItemStatus;
  locations: Array<{ path: string; line?: number | null }>;
  /** Text content the tool call reported, joined (bounded: see `textDroppedChars`). */
  text: string;
  /** Characters of text content dropped past MAX_TOOL_TEXT_CHARS (0 or absent: nothing dropped). */
  textDroppedChars?: number;
  /** The agent's tool name (codex-acp: `exec_command`), when it gave one. */
  toolName?: string | null;
  rawInput: unknown;
  rawOutput: unknown;
};
/** The agent's plan; replaced whole by each plan update. */
export type PlanItem = ItemBase & {
  kind: 'plan';
  entries: Array<{ content: string; priority: string; status: 'pending' | 'in_progress' | 'completed' }>;
};
/** A permission request and its decision. */
export type PermissionItem = ItemBase & {
  kind: 'permission';
  requestId: string;
  toolCallId: string | null;
  title: string;
  command: string | null;
  toolCall: Record<string, unknown>;
  options: PermissionOption[];
  state: PermissionState;
  optionId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
};
/** A hub or turn notice (errors, warnings, info). */
export type NoticeItem = ItemBase & { kind: 'notice'; level: 'info' | 'warning' | 'error'; message: string };
/** An update we do not understand, kept visibly with its raw payload. */
export type UnknownItem = ItemBase & { kind: 'unknown'; label: string; raw: unknown };

/** One card of a turn. Items carry `kind`; turn events carry `type`. */
export type ActivityItem =
  | MessageItem
  | ReasoningItem
  | TerminalItem
  | DiffItem
  | ToolItem
  | PlanItem
  | PermissionItem
  | NoticeItem
  | UnknownItem;

/** The `kind` of an activity item. */
export type ActivityItemKind = ActivityItem['kind'];

/** Latest context usage (from `usage_update` only, never cumulative totals). */
export type ContextUsage = { used: number; size: number; cost?: { amount: number; currency: string } };

/** Token counts of the turn as the prompt result reported them. */
export type TurnTokens = { input: number; output: number; total: number; cachedRead?: number; thought?: number };

/** The activity of one turn: a pure function of its events so far. */
export type TurnView = {
  items: Record<ItemId, ActivityItem>;
  order: ItemId[];
  /** Highest seq applied; -1 before any. */
  lastSeq: number;
  state: TurnState | null;
  /** `t` of the first status event past `queued` (the turn's start) and of the final one. */
  startedAt: number | null;
  endedAt: number | null;
  stopReason: string | null;
  /** The agent ignored session/cancel and the hub killed its process. */
  killed?: boolean;
  /** The account that interrupted the turn (the `stopping` status's `by`), when the hub recorded it. */
  interruptedBy?: string;
  error: { message: string; code?: string | number } | null;
  usage: ContextUsage | null;
  tokens: TurnTokens | null;
  prompt: ContentBlock[] | null;
  sessionId: string | null;
  configOptions: SessionConfigOption[];
  availableCommands: Array<{ name: string; description: string }>;
  title: string | null;
  /** The agent's current session mode (`session` event modes, `current_mode_update`). */
  currentModeId?: string | null;
  /** Events or updates that could not be applied, newest last, bounded (MAX_UNHANDLED_EVENTS). */
  unhandled: Array<{ seq: number; reason: string }>;
};
