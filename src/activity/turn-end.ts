import type { TurnView } from './types.js';
import { isToolLikeItem } from './cards/tool-call.js';
import { isOpenStatus } from './item-status.js';

/**
 * Closes what the ended turn left open: tool calls become `closeAs` (codex-acp leaves a cancelled
 * turn's calls in_progress forever) and pending permissions become cancelled. Idempotent.
 */
export function closeOpenItems(view: TurnView, closeAs: 'cancelled' | 'failed', t: number): void {
  for (const id of view.order) {
    const item = view.items[id];
    if (isToolLikeItem(item) && isOpenStatus(item.status)) {
      item.status = closeAs;
      item.updatedAt = t;
    } else if (item?.kind === 'permission' && item.state === 'pending') {
      item.state = 'cancelled';
      item.updatedAt = t;
    }
  }
}
