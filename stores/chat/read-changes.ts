import { freeze } from 'immer';
import type { Row, RowKey } from '../../src/protocol/index.js';
import { dateToMs, keyString, threadKeyOf, upgradeChatRow, upgradeDraftRow, valuesEqual } from '../../src/syncdb/index.js';
import { NEW_THREAD_DRAFT_KEY } from './chat-types.js';
import type { ChatDraft, ChatMessage } from './chat-types.js';

/**
 * What the store remembers between change events, outside its state (derived, never rendered):
 * the last stored row per primary key (to skip rows that did not change), every readable message
 * per ms key and sender (two senders can share a millisecond; one is shown), and the generating
 * messages per thread. Each lookup is O(1), so a change of k rows costs O(k).
 */
export type ChatIndex = {
  lastRows: Map<string, Row>;
  byMs: Map<string, Map<string, ChatMessage>>;
  generating: Map<string, Set<string>>;
};

/** The rows of one change event, read and upgraded. */
export type ReadBatch = {
  /** ms keys whose messages changed. */
  messageKeys: Set<string>;
  /** Problems to set (or, when undefined, clear) by keyString. */
  problems: Map<string, string[] | undefined>;
  /** Drafts of the account to set or (undefined) remove, by draft key. */
  drafts: Map<string, ChatDraft | undefined>;
};

export function createChatIndex(): ChatIndex {
  return { lastRows: new Map(), byMs: new Map(), generating: new Map() };
}

export function emptyReadBatch(): ReadBatch {
  return { messageKeys: new Set(), problems: new Map(), drafts: new Map() };
}

/** Adds `later` to `into`: applying the result equals applying both in order (messages are read from the index). */
export function mergeReadBatch(into: ReadBatch, later: ReadBatch): void {
  for (const ms of later.messageKeys) into.messageKeys.add(ms);
  for (const [id, problems] of later.problems) into.problems.set(id, problems);
  for (const [key, draft] of later.drafts) into.drafts.set(key, draft);
}

/** Drops from `older` the problems and drafts that `newer`, applied first, decides (their messages are read again from the index anyway). */
export function forgetReadBatch(older: ReadBatch, newer: ReadBatch): void {
  for (const id of newer.problems.keys()) older.problems.delete(id);
  for (const key of newer.drafts.keys()) older.drafts.delete(key);
}

/** The draft key of a draft row's date: 0 is a new thread, -rootMs a reply in that thread. */
function draftKeyOf(date: unknown): string {
  const ms = dateToMs(date);
  return ms === 0 ? NEW_THREAD_DRAFT_KEY : String(Math.abs(ms));
}

/**
 * Reads changed rows into the index (upgrading legacy rows, never writing back). `entries` pairs a
 * primary key with the row now stored under it (undefined: deleted).
 */
export function readChanges(entries: Iterable<[RowKey, Row | undefined]>, index: ChatIndex, accountId: string): ReadBatch {
  const batch = emptyReadBatch();
  for (const [key, row] of entries) {
    const id = keyString(key);
    if (index.lastRows.get(id) === row && (row !== undefined || !index.lastRows.has(id))) continue;
    if (row === undefined) index.lastRows.delete(id);
    else index.lastRows.set(id, row);
    if (key.event === 'chat') readMessage(key, id, row, index, batch);
    else if (key.event === 'draft' && key.sender_id === accountId) readDraft(key, id, row, batch);
    // Other event kinds belong to other features of the document; the chat store ignores them.
  }
  return batch;
}

function readMessage(key: RowKey, id: string, row: Row | undefined, index: ChatIndex, batch: ReadBatch): void {
  const ms = String(dateToMs(key.date));
  if (ms === 'NaN') {
    batch.problems.set(id, [`date: ${JSON.stringify(key.date)} is not a date`]);
    return;
  }
  const candidates = index.byMs.get(ms) ?? new Map<string, ChatMessage>();
  const previous = candidates.get(key.sender_id);
  candidates.delete(key.sender_id);
  batch.problems.set(id, undefined);
  if (row !== undefined) {
    const upgraded = upgradeChatRow(row);
    if (upgraded.ok) {
      // upgradeChatRow's value is a new object of its own: adding the keys to it saves a copy per row.
      const message = freezeMessage(Object.assign(upgraded.value, { key: ms, threadKey: threadKeyOf(upgraded.value) }) as ChatMessage);
      // A syncdb that sends equal rows as new objects must not cost React a re-render.
      candidates.set(key.sender_id, previous && valuesEqual(previous, message) ? previous : message);
    } else {
      batch.problems.set(id, upgraded.problems);
    }
  }
  if (candidates.size > 0) index.byMs.set(ms, candidates);
  else index.byMs.delete(ms);
  batch.messageKeys.add(ms);
}

/**
 * Freezes a message as Immer would (the state is frozen), in one shallow step when its nested values
 * are frozen already: they are a stored row's, shared by upgradeChatRow. Immer's deep freeze walked
 * every field of every message when a document was read (a fifth of building the store).
 */
function freezeMessage(message: ChatMessage): ChatMessage {
  for (const field in message) {
    const value = (message as Record<string, unknown>)[field];
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) return freeze(message, true);
  }
  return Object.freeze(message);
}

function readDraft(key: RowKey, id: string, row: Row | undefined, batch: ReadBatch): void {
  const draftKey = draftKeyOf(key.date);
  batch.problems.set(id, undefined);
  if (row === undefined) {
    batch.drafts.set(draftKey, undefined);
    return;
  }
  const upgraded = upgradeDraftRow(row);
  if (!upgraded.ok) {
    batch.problems.set(id, upgraded.problems);
    batch.drafts.set(draftKey, undefined);
    return;
  }
  const draft: ChatDraft = { key: draftKey, input: upgraded.value.input };
  if (upgraded.value.active !== undefined) draft.active = upgraded.value.active;
  batch.drafts.set(draftKey, draft);
}
