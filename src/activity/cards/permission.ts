import type { PermissionChange } from '../translate-permission.js';
import type { PermissionItem, TurnView } from '../types.js';
import { isToolLikeItem, toolItemId, upsertToolCall } from './tool-call.js';

/**
 * Applies a permission event: a pending request opens a permission item (keyed by requestId) and
 * marks its tool call awaiting approval; a later event with the same requestId records the decision.
 */
export function applyPermission(view: TurnView, change: PermissionChange, t: number): void {
  const id = `permission:${change.requestId}`;
  let item = view.items[id] as PermissionItem | undefined;
  if (item?.kind !== 'permission') {
    if (!item) view.order.push(id);
    item = {
      id,
      kind: 'permission',
      requestId: change.requestId,
      toolCallId: change.patch?.toolCallId ?? null,
      title: change.patch?.title ?? 'Permission requested',
      command: change.command,
      toolCall: change.toolCall,
      options: change.options,
      state: 'pending',
      optionId: null,
      decidedBy: null,
      decidedAt: null,
      startedAt: t,
      updatedAt: t,
    };
    view.items[id] = item;
  }
  item.updatedAt = t;
  item.state = change.state;
  if (change.state !== 'pending') {
    item.optionId = change.optionId;
    item.decidedBy = change.decidedBy;
    item.decidedAt = change.decidedAt;
  }
  if (change.patch) markToolCall(view, change, item, t);
}

function markToolCall(view: TurnView, change: PermissionChange, item: PermissionItem, t: number): void {
  const patch = change.patch!;
  // The request may name a tool call the agent never announced: create it from the request.
  const existing = view.items[toolItemId(view, patch.toolCallId)];
  const tool = isToolLikeItem(existing) ? existing : upsertToolCall(view, patch, t);
  const chosen = item.options.find((option) => option.optionId === change.optionId);
  const rejected = change.state === 'timed-out' || (change.state === 'selected' && chosen?.kind.startsWith('reject') === true);
  if (change.state === 'pending') tool.status = 'awaiting-approval';
  else if (rejected) tool.status = 'rejected';
  else if (change.state === 'cancelled' && tool.status === 'awaiting-approval') tool.status = 'cancelled';
  else if (tool.status === 'awaiting-approval') tool.status = 'in-progress';
  tool.updatedAt = t;
}
