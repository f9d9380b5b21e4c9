import type { ChatMessage, ChatThread } from './chat-types.js';
import { deriveThreadLabel } from './thread-label.js';

/** What a thread summary is computed from; all O(1) to obtain thanks to the store's indexes. */
export type ThreadFacts = {
  key: string;
  /** Message keys of the thread, oldest first (non-empty). */
  keys: readonly string[];
  /** The message whose key is the thread key, if it belongs to this thread. */
  root: ChatMessage | undefined;
  generatingCount: number;
  accountId: string;
};

/** The thread index entry for one thread, in O(1). */
export function summarizeThread({ key, keys, root, generatingCount, accountId }: ThreadFacts): ChatThread {
  const newestKey = keys[keys.length - 1];
  const readCount = readCountOf(root?.[`read-${accountId}`]);
  const config = root?.acp_config;
  const thread: ChatThread = {
    key,
    label: deriveThreadLabel(root, key),
    hasRoot: root !== undefined,
    messageCount: keys.length,
    newestKey,
    newestTime: Number(newestKey),
    unreadCount: Math.max(keys.length - readCount, 0),
    pinned: root?.pin === true,
    folded: root?.folding?.includes(accountId) === true,
    isAgent: config !== undefined,
    running: generatingCount > 0,
  };
  // An empty string means unset (SPEC "Session config").
  if (config?.agent) thread.agent = config.agent;
  if (config?.model) thread.model = config.model;
  return thread;
}

// CoCalc stores the read count as a number, and older clients as a string.
function readCountOf(value: unknown): number {
  const count = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : 0;
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/** Field-by-field equality of two summaries, so an unchanged thread keeps its object. */
export function sameThread(a: ChatThread | undefined, b: ChatThread): boolean {
  if (a === undefined) return false;
  const aKeys = Object.keys(a) as (keyof ChatThread)[];
  return aKeys.length === Object.keys(b).length && aKeys.every((field) => a[field] === b[field]);
}
