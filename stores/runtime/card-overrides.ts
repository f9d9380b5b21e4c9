import type { ComponentType } from 'react';
import type { ActivityItem, ActivityItemKind } from '../../src/activity/index.js';

/** Props of the card for items of kind K: the turn it belongs to, the item, and whether the turn is live. */
export type CardProps<K extends ActivityItemKind = ActivityItemKind> = {
  turnId: string;
  item: ActivityItem & { kind: K };
  live: boolean;
};

/** A host's cards, by item kind: each replaces the built-in card of that kind (`unknown` included). */
export type CardOverrides = { [K in ActivityItemKind]?: ComponentType<CardProps<K>> };
