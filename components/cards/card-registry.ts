import type { ComponentType } from 'react';
import type { ActivityItem, ActivityItemKind } from '../../src/activity/index.js';
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

const CARDS: { [K in ActivityItemKind]: ComponentType<CardProps<K>> } = {
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

/** The card component for an item kind; UnknownCard for kinds without one. */
export function cardFor(kind: string): AnyCard {
  return Object.hasOwn(CARDS, kind) ? (CARDS[kind as ActivityItemKind] as AnyCard) : UnknownCard;
}
