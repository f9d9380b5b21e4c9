import { bucketValues } from '../buckets.js';
import type { ChatState } from '../chat-types.js';

type UnreadCounts = { byThread: Record<string, number>; total: number };
const cache = new WeakMap<ChatState['threads'], UnreadCounts>();

/** Unread messages of the account per thread (threads with none left out) and in total. Memoized on the thread index. */
export function selectUnreadCounts(state: ChatState): UnreadCounts {
  const cached = cache.get(state.threads);
  if (cached) return cached;
  const counts: UnreadCounts = { byThread: {}, total: 0 };
  for (const thread of bucketValues(state.threads)) {
    if (thread.unreadCount === 0) continue;
    counts.byThread[thread.key] = thread.unreadCount;
    counts.total += thread.unreadCount;
  }
  cache.set(state.threads, counts);
  return counts;
}
