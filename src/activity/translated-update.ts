// Our own vocabulary for what an agent update means, produced by translate-acp-update.ts (the one
// place that reads ACP sessionUpdate kinds) and applied by the card modules.
import type { ContextUsage, DiffFile, ItemStatus, PlanItem, TurnView } from './types.js';

/** What a tool call event says about its tool call; absent fields leave the item as it is. */
export type ToolCallPatch = {
  toolCallId: string;
  title?: string;
  /** The agent's tool kind (`execute`, `edit`, `read`, ...). */
  toolKind?: string;
  /** The agent's tool name (codex-acp: `exec_command`). */
  toolName?: string;
  status?: ItemStatus;
  /** Present when the event carried `content`, which replaces the earlier content. */
  content?: { texts: string[]; diffs: DiffFile[]; hasTerminal: boolean };
  locations?: Array<{ path: string; line?: number | null }>;
  rawInput?: unknown;
  rawOutput?: unknown;
  command?: string;
  cwd?: string;
  /** Terminal output to append. */
  outputAppend?: string;
  /** The command ended (terminal exit, or an exit code in the raw output). */
  exit?: { exitCode: number | null; signal: string | null };
};

/** View fields (not cards) an update may set. */
export type ViewFields = Partial<Pick<TurnView, 'title' | 'configOptions' | 'availableCommands' | 'currentModeId'>>;

/** One agent update in our vocabulary. */
export type TranslatedUpdate =
  | { change: 'message-chunk'; role: 'agent' | 'user'; messageId: string | null; text: string }
  | { change: 'reasoning-chunk'; messageId: string | null; text: string }
  | { change: 'tool-call'; patch: ToolCallPatch }
  | { change: 'plan'; entries: PlanItem['entries'] }
  | { change: 'usage'; usage: ContextUsage }
  | { change: 'view'; fields: ViewFields }
  | { change: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  /** Nothing to show (e.g. codex-acp's session_info_update carrying only its thread status in _meta). */
  | { change: 'none' }
  | { change: 'unknown'; label: string; reason: string };
