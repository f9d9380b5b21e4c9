import type { ChatMessage, ChatThread } from '../chat/index.js';
import { findOccurrences } from './search-thread.js';

/** Threads listed at most (the sidebar says when there are more). */
export const MAX_CHAT_SEARCH_THREADS = 50;
const SNIPPET_CONTEXT = 40;

/** A thread that matches: by its name and/or a message (the first one that matches, with a snippet). */
export type ChatSearchHit = {
  threadKey: string;
  label: string;
  labelMatches: boolean;
  /** The first matching message, if any, and the text around the match. */
  messageKey: string | null;
  snippet: string | null;
};

/** What a chat search reads: the thread list (newest first) and a thread's messages. */
export type ChatSearchInput = {
  threads: readonly ChatThread[];
  messagesOf: (threadKey: string) => readonly ChatMessage[];
  query: string;
  maxThreads?: number;
};

/** Text around an occurrence, one line, with "…" where it was cut. */
export function snippetAround(text: string, start: number, length: number): string {
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, start + length + SNIPPET_CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/**
 * The chat's threads whose name or messages contain the query (case-insensitive), in the thread
 * list's order, bounded. Messages are searched by their row text (the agent's answer); the activity
 * of turns is searched inside a thread, where it is loaded.
 */
export function searchChat(input: ChatSearchInput): { hits: ChatSearchHit[]; truncated: boolean } {
  const needle = input.query.trim().toLowerCase();
  const max = input.maxThreads ?? MAX_CHAT_SEARCH_THREADS;
  const hits: ChatSearchHit[] = [];
  if (needle.length === 0) return { hits, truncated: false };
  for (const thread of input.threads) {
    const labelMatches = thread.label.toLowerCase().includes(needle);
    let hit: ChatSearchHit | null = labelMatches ? { threadKey: thread.key, label: thread.label, labelMatches, messageKey: null, snippet: null } : null;
    for (const message of input.messagesOf(thread.key)) {
      const text = message.history[0]?.content ?? '';
      const [start] = findOccurrences(text.toLowerCase(), needle, 1);
      if (start === undefined) continue;
      hit = { threadKey: thread.key, label: thread.label, labelMatches, messageKey: message.key, snippet: snippetAround(text, start, needle.length) };
      break;
    }
    if (!hit) continue;
    if (hits.length >= max) return { hits, truncated: true };
    hits.push(hit);
  }
  return { hits, truncated: false };
}
