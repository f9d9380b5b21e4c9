import type { ComponentType } from 'react';
import type { ActivityItem, ActivityItemKind } from '../../src/activity/index.js';
import type { CardOverrides } from '../../stores/runtime/index.js';
import type { CardProps } from './card-props.js';
import { DiffCard } from './DiffCard.js';
import { FetchCard } from './FetchCard.js';
import { MessageCard } from './MessageCard.js';
import { NoticeCard } from './NoticeCard.js';
import { PermissionCard } from './PermissionCard.js';
import { PlanCard } from './PlanCard.js';
import { ReadCard } from './ReadCard.js';
import { ReasoningCard } from './ReasoningCard.js';
import { TerminalCard } from './TerminalCard.js';
import { ThinkCard } from './ThinkCard.js';
import { ToolCard } from './ToolCard.js';
import { UnknownCard } from './UnknownCard.js';

/** A card for any item: the registry hands each kind's card only items of that kind. */
export type AnyCard = ComponentType<{ turnId: string; item: ActivityItem; live: boolean }>;

/** The built-in card of each item kind; a runtime's `cards` option replaces any of them. */
export const DEFAULT_CARDS: { [K in ActivityItemKind]: ComponentType<CardProps<K>> } = {
  message: MessageCard,
  reasoning: ReasoningCard,
  terminal: TerminalCard,
  diff: DiffCard,
  read: ReadCard,
  fetch: FetchCard,
  think: ThinkCard,
  tool: ToolCard,
  plan: PlanCard,
  permission: PermissionCard,
  notice: NoticeCard,
  unknown: UnknownCard,
};

/** The card component for an item kind: the host's override, else the built-in one, else UnknownCard. */
export function cardFor(kind: string, overrides: CardOverrides = {}): AnyCard {
  if (Object.hasOwn(overrides, kind) && overrides[kind as ActivityItemKind]) return overrides[kind as ActivityItemKind] as AnyCard;
  return Object.hasOwn(DEFAULT_CARDS, kind) ? (DEFAULT_CARDS[kind as ActivityItemKind] as AnyCard) : UnknownCard;
}
