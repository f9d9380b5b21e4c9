import type { ActivityItem, MessageItem, PermissionItem, TurnView } from './types.js';

// Views are immutable (Immer), so a view's derived lists can be cached by identity.
const itemsCache = new WeakMap<TurnView, ActivityItem[]>();

/** The items of a turn in order (the same array for the same view). */
export function selectItems(view: TurnView): ActivityItem[] {
  let items = itemsCache.get(view);
  if (!items) {
    items = view.order.flatMap((id) => (view.items[id] ? [view.items[id]] : []));
    itemsCache.set(view, items);
  }
  return items;
}

/** The agent's messages, in order (every one stays: a new messageId is a new message). */
export function selectAgentMessages(view: TurnView): MessageItem[] {
  return selectItems(view).filter((item): item is MessageItem => item.kind === 'message' && item.role === 'agent');
}

/** The turn's final answer: the text of its last agent message, or null. */
export function selectFinalAnswer(view: TurnView): string | null {
  for (let index = view.order.length - 1; index >= 0; index -= 1) {
    const item = view.items[view.order[index]];
    if (item?.kind === 'message' && item.role === 'agent') return item.text;
  }
  return null;
}

/** Permission requests still waiting for a decision. */
export function selectPendingPermissions(view: TurnView): PermissionItem[] {
  return selectItems(view).filter((item): item is PermissionItem => item.kind === 'permission' && item.state === 'pending');
}
