import { isItemInCategory } from '../../src/activity/index.js';
import type { ActivityItem, TurnView } from '../../src/activity/index.js';
import type { ActivityFilter } from './view-store-types.js';

/** How a turn lays out: the final answer (outside the fold) and the item ids shown inside the fold. */
export type TurnLayout = { finalAnswerId: string | null; foldIds: string[]; hiddenCount: number };

// Shown even in a closed fold: every agent message, and a request still waiting for a decision.
function alwaysShown(item: ActivityItem): boolean {
  return item.kind === 'message' || (item.kind === 'permission' && item.state === 'pending');
}

/** Id of the last agent message: the turn's answer so far (src/activity's selectFinalAnswer gives its text). */
function selectFinalAnswerId(view: TurnView): string | null {
  for (let index = view.order.length - 1; index >= 0; index -= 1) {
    const item = view.items[view.order[index]];
    if (item?.kind === 'message' && item.role === 'agent') return item.id;
  }
  return null;
}

/** Which items the fold shows, given whether it is open and the activity filters. */
export function selectTurnLayout(view: TurnView, foldOpen: boolean, filters: readonly ActivityFilter[]): TurnLayout {
  const finalAnswerId = selectFinalAnswerId(view);
  const foldIds: string[] = [];
  let hiddenCount = 0;
  for (const id of view.order) {
    const item = view.items[id];
    if (!item || id === finalAnswerId) continue;
    const shown = alwaysShown(item) || (foldOpen && (filters.length === 0 || filters.some((filter) => isItemInCategory(item, filter))));
    if (shown) foldIds.push(id);
    else hiddenCount += 1;
  }
  return { finalAnswerId, foldIds, hiddenCount };
}
