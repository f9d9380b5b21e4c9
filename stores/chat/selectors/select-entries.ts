import { bucketValues, getFromBuckets } from '../buckets.js';
import type { ChatMessage, ChatState, ChatThread } from '../chat-types.js';

/** The message with this ms-string key. */
export function selectMessage(state: ChatState, messageKey: string): ChatMessage | undefined {
  return getFromBuckets(state.messages, messageKey);
}

/** The thread index entry of this thread key. */
export function selectThread(state: ChatState, threadKey: string): ChatThread | undefined {
  return getFromBuckets(state.threads, threadKey);
}

const threadLists = new WeakMap<ChatState['threads'], ChatThread[]>();

/** Every thread, newest activity first. Memoized on the thread index. */
export function selectThreadList(state: ChatState): ChatThread[] {
  let list = threadLists.get(state.threads);
  if (!list) {
    list = bucketValues(state.threads).sort((a, b) => b.newestTime - a.newestTime || (a.key < b.key ? -1 : 1));
    threadLists.set(state.threads, list);
  }
  return list;
}

const problemLists = new WeakMap<ChatState['problems'], { key: string; problems: readonly string[] }[]>();

/** Rows that could not be shown, with why, sorted by key. Memoized. */
export function selectProblems(state: ChatState): { key: string; problems: readonly string[] }[] {
  let list = problemLists.get(state.problems);
  if (!list) {
    list = state.problems.flatMap((bucket) => Object.entries(bucket).map(([key, problems]) => ({ key, problems })));
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    problemLists.set(state.problems, list);
  }
  return list;
}
