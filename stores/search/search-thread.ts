import type { ActivityItemKind, TurnView } from '../../src/activity/index.js';
import type { ChatMessage } from '../chat/index.js';
import { itemTexts } from './item-texts.js';
import type { ItemField } from './item-texts.js';

/** Stop collecting past this many matches (the bar then says "1,000+"). */
export const MAX_SEARCH_MATCHES = 1_000;
/** Messages searched per step of the incremental search (a step is well under a frame). */
export const SEARCH_STEP_MESSAGES = 50;

/** Where a match is: the row's own text, or a text of an activity item of the row's turn. */
export type SearchSource =
  | { kind: 'message' }
  | { kind: 'item'; turnId: string; itemId: string; itemKind: ActivityItemKind; field: ItemField };

/** One match: its message, where in it, and its place among the matches of its card. */
export type SearchMatch = {
  messageIndex: number;
  messageKey: string;
  source: SearchSource;
  /** Offset and length in the source text. */
  start: number;
  length: number;
  /** 0-based rank among the matches of the same item (or of the row's text): its place in that card. */
  ordinal: number;
};

/** What a thread search reads. `turnView` gives a turn's activity when it is loaded. */
export type ThreadSearchInput = {
  messages: readonly ChatMessage[];
  turnView: (turnId: string) => TurnView | undefined;
  query: string;
  maxMatches?: number;
};

/** The matches found, and whether the search stopped at the bound. */
export type ThreadSearchResult = { matches: SearchMatch[]; truncated: boolean };

const messageTexts = new WeakMap<ChatMessage, string>();

/** The row's text in lower case, cached per message object (rows are immutable). */
function lowerMessageText(message: ChatMessage): string {
  let text = messageTexts.get(message);
  if (text === undefined) {
    text = (message.history[0]?.content ?? '').toLowerCase();
    messageTexts.set(message, text);
  }
  return text;
}

/**
 * Offsets of every occurrence of `needle` in `haystack`, both already lower case (the search is
 * case-insensitive; a character whose lower case is longer shifts the offsets after it a little).
 */
export function findOccurrences(haystack: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let index = haystack.indexOf(needle); index >= 0 && found.length < limit; index = haystack.indexOf(needle, index + needle.length)) {
    found.push(index);
  }
  return found;
}

/**
 * The thread search as steps: yields after every SEARCH_STEP_MESSAGES messages so a caller can
 * spread a long thread over frames, and returns the result. Pure: reads only its input.
 * An agent row with loaded activity is searched as its items (they hold the answer the row shows);
 * otherwise as the row's text.
 */
export function* searchThreadSteps(input: ThreadSearchInput): Generator<number, ThreadSearchResult, void> {
  const needle = input.query.trim().toLowerCase();
  const max = input.maxMatches ?? MAX_SEARCH_MATCHES;
  const matches: SearchMatch[] = [];
  let truncated = false;
  if (needle.length === 0) return { matches, truncated };
  for (let messageIndex = 0; messageIndex < input.messages.length; messageIndex += 1) {
    if (messageIndex > 0 && messageIndex % SEARCH_STEP_MESSAGES === 0) yield messageIndex;
    const message = input.messages[messageIndex];
    let ordinal = 0;
    const add = (source: SearchSource, lower: string) => {
      for (const start of findOccurrences(lower, needle, max - matches.length + 1)) {
        if (matches.length >= max) {
          truncated = true;
          return;
        }
        matches.push({ messageIndex, messageKey: message.key, source, start, length: needle.length, ordinal });
        ordinal += 1;
      }
    };
    const turnId = message.acp_turn?.id;
    const view = turnId ? input.turnView(turnId) : undefined;
    if (turnId && view && view.order.length > 0) {
      for (const itemId of view.order) {
        const item = view.items[itemId];
        if (!item) continue;
        ordinal = 0;
        for (const { field, lower } of itemTexts(item)) add({ kind: 'item', turnId, itemId, itemKind: item.kind, field }, lower);
      }
    } else {
      add({ kind: 'message' }, lowerMessageText(message));
    }
    if (truncated) return { matches, truncated };
  }
  return { matches, truncated };
}

/** The whole thread search at once (tests, the bench, small threads). */
export function searchThread(input: ThreadSearchInput): ThreadSearchResult {
  const steps = searchThreadSteps(input);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
