import type { PlanItem, TurnView } from '../types.js';

/** Id of the one plan item of a turn. */
export const PLAN_ITEM_ID = 'plan';

/** Replaces the plan whole; the item keeps the place where the first plan appeared. */
export function applyPlan(view: TurnView, entries: PlanItem['entries'], t: number): void {
  const existing = view.items[PLAN_ITEM_ID];
  if (existing?.kind === 'plan') {
    existing.entries = entries;
    existing.updatedAt = t;
    return;
  }
  if (!existing) view.order.push(PLAN_ITEM_ID);
  view.items[PLAN_ITEM_ID] = { id: PLAN_ITEM_ID, kind: 'plan', entries, startedAt: t, updatedAt: t };
}
