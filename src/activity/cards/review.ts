import { recordUnhandled } from './unknown.js';
import { asArray, asString } from '../read-wire.js';
import type { HunkReview, TurnView } from '../types.js';

/**
 * Folds a `review` event into its diff item: each named hunk of the file gets the decision (a later
 * decision on the same hunk replaces the earlier one). An event naming no diff item of this turn,
 * or with a bad shape, is recorded as unhandled, never a throw.
 */
export function applyReview(view: TurnView, event: Record<string, unknown>, seq: number, t: number): void {
  const itemId = asString(event.itemId);
  const file = asString(event.file);
  const decision: HunkReview['decision'] | null = event.decision === 'keep' || event.decision === 'discard' ? event.decision : null;
  const hunks = (asArray(event.hunks) ?? []).filter((hunk): hunk is number => Number.isInteger(hunk) && (hunk as number) >= 0);
  const item = itemId === null ? undefined : view.items[itemId];
  if (item?.kind !== 'diff' || file === null || decision === null || hunks.length === 0) {
    return recordUnhandled(view, seq, `review event for ${item ? 'a bad file, decision or hunk list' : `no edit of this turn (${itemId ?? 'no item id'})`}`);
  }
  const review: HunkReview = { decision, decidedBy: asString(event.decidedBy) ?? 'unknown', decidedAt: asString(event.decidedAt) ?? new Date(t).toISOString() };
  const reviews = (item.reviews ??= {});
  const byHunk = (reviews[file] ??= {});
  for (const hunk of hunks) byHunk[hunk] = review;
  item.updatedAt = t;
}
