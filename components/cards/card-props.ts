import type { ActivityItem, ActivityItemKind } from '../../src/activity/index.js';

/** Props of the card for items of kind K: the turn it belongs to, the item, and whether the turn is live. */
export type CardProps<K extends ActivityItemKind = ActivityItemKind> = {
  turnId: string;
  item: ActivityItem & { kind: K };
  live: boolean;
};
