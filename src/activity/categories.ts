import type { ActivityItem } from './types.js';

/** Filter categories of the activity list. */
export type ItemCategory = 'reasoning' | 'commands' | 'edits' | 'errors';

/** Whether an item belongs to a category (an item may be in several: a failed command is both). */
export function isItemInCategory(item: ActivityItem, category: ItemCategory): boolean {
  switch (category) {
    case 'reasoning':
      return item.kind === 'reasoning' || item.kind === 'think' || item.kind === 'plan';
    case 'commands':
      return item.kind === 'terminal';
    case 'edits':
      return item.kind === 'diff';
    case 'errors':
      return isErrorItem(item);
  }
}

/** The items of the given categories (all items when none is given). */
export function filterItemsByCategory(items: readonly ActivityItem[], categories: readonly ItemCategory[]): ActivityItem[] {
  if (categories.length === 0) return items.slice();
  return items.filter((item) => categories.some((category) => isItemInCategory(item, category)));
}

function isErrorItem(item: ActivityItem): boolean {
  if (item.kind === 'notice') return item.level === 'error';
  if (item.kind === 'unknown') return true;
  if (item.kind === 'terminal' && item.exitCode !== null && item.exitCode !== 0) return true;
  return 'status' in item && (item.status === 'failed' || item.status === 'rejected');
}
