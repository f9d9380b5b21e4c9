import { getFromBuckets } from '../buckets.js';
import type { ChatMessage, ChatState } from '../chat-types.js';

const EMPTY: readonly ChatMessage[] = Object.freeze([]);
const cache = new WeakMap<readonly string[], { messages: ChatState['messages']; list: readonly ChatMessage[] }>();

/**
 * The messages of a thread, oldest first. Memoized: the same array while the thread's keys and
 * each of its messages are unchanged, even when other threads change.
 */
export function selectThreadMessages(state: ChatState, threadKey: string): readonly ChatMessage[] {
  const keys = getFromBuckets(state.threadMessageKeys, threadKey);
  if (!keys) return EMPTY;
  const cached = cache.get(keys);
  if (cached && cached.messages === state.messages) return cached.list;
  const list = keys.map((key) => getFromBuckets(state.messages, key)).filter((message) => message !== undefined);
  const same = cached !== undefined && cached.list.length === list.length && cached.list.every((message, position) => message === list[position]);
  const result = same ? cached.list : list;
  cache.set(keys, { messages: state.messages, list: result });
  return result;
}
