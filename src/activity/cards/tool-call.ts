import type { ToolCallPatch } from '../translated-update.js';
import type { ActivityItem, DiffItem, TerminalItem, ToolItem, TurnView } from '../types.js';
import { applyDiffPatch, createDiffItem } from './diff.js';
import { applyTerminalPatch, createTerminalItem } from './terminal.js';
import type { ToolItemBase } from './tool-item-base.js';
import { applyToolPatch, createToolItem } from './tool.js';

/** An item that stands for one tool call. */
export type ToolLikeItem = TerminalItem | DiffItem | ToolItem;
type ToolLikeKind = ToolLikeItem['kind'];

/** Whether an item stands for a tool call. */
export function isToolLikeItem(item: ActivityItem | undefined): item is ToolLikeItem {
  return item !== undefined && 'toolCallId' in item && item.kind !== 'permission';
}

/** Id of a tool call's item: its toolCallId, unless another kind of item already holds that id. */
export function toolItemId(view: TurnView, toolCallId: string): string {
  const existing = view.items[toolCallId];
  return existing === undefined || isToolLikeItem(existing) ? toolCallId : `tool-call:${toolCallId}`;
}

/** Creates or updates the item of a tool call (a tool_call_update for an unknown id creates it). */
export function upsertToolCall(view: TurnView, patch: ToolCallPatch, t: number): ToolLikeItem {
  const id = toolItemId(view, patch.toolCallId);
  const existing = view.items[id] as ToolLikeItem | undefined;
  const toolKind = patch.toolKind ?? existing?.toolKind ?? 'other';
  const toolName = patch.toolName ?? existing?.toolName ?? null;
  const kind = classifyToolCall(toolKind, toolName, patch, existing);
  let item = existing;
  if (!item || item.kind !== kind) {
    const base: ToolItemBase = {
      id,
      toolCallId: patch.toolCallId,
      title: item?.title ?? patch.toolCallId,
      status: item?.status ?? 'pending',
      toolKind,
      toolName,
      startedAt: item?.startedAt ?? t,
      updatedAt: t,
    };
    if (!item) view.order.push(id);
    item = createOfKind(kind, base);
    view.items[id] = item;
  }
  item.toolKind = toolKind;
  item.toolName = toolName;
  item.updatedAt = t;
  if (patch.title !== undefined) item.title = patch.title;
  // The user's rejection stands, whatever the agent reports afterwards.
  if (patch.status !== undefined && item.status !== 'rejected') item.status = patch.status;
  if (item.kind === 'terminal') applyTerminalPatch(item, patch);
  else if (item.kind === 'diff') applyDiffPatch(item, patch);
  else applyToolPatch(item, patch);
  return item;
}

function classifyToolCall(toolKind: string, toolName: string | null, patch: ToolCallPatch, existing: ToolLikeItem | undefined): ToolLikeKind {
  // Once a terminal or a diff, always one: a later update without that content keeps the card.
  const hasTerminal = patch.content?.hasTerminal === true || existing?.kind === 'terminal';
  // codex-acp reports some shell commands as kind `read` named exec_command (run-ls: `ls` as "List files").
  if (toolKind === 'execute' || toolName === 'exec_command' || hasTerminal) return 'terminal';
  const hasDiffs = (patch.content?.diffs.length ?? 0) > 0 || existing?.kind === 'diff';
  if ((toolKind === 'edit' || toolKind === 'delete' || toolKind === 'move') && hasDiffs) return 'diff';
  if (toolKind === 'read' || toolKind === 'search') return 'read';
  if (toolKind === 'fetch' || toolKind === 'think') return toolKind;
  return 'tool';
}

function createOfKind(kind: ToolLikeKind, base: ToolItemBase): ToolLikeItem {
  if (kind === 'terminal') return createTerminalItem(base);
  if (kind === 'diff') return createDiffItem(base);
  return createToolItem(base, kind);
}
