import type { ChatState, ChatThread } from '../chat-types.js';
import { selectThreadList } from './select-entries.js';

/** Sections of the thread list, as CoCalc groups them. */
export type ThreadSectionKey = 'pinned' | 'today' | 'yesterday' | 'last7days' | 'older';
export type ThreadSection = { key: ThreadSectionKey; title: string; threads: ChatThread[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const RECENCY: { key: Exclude<ThreadSectionKey, 'pinned'>; title: string; maxAge: number }[] = [
  { key: 'today', title: 'Today', maxAge: DAY_MS },
  { key: 'yesterday', title: 'Yesterday', maxAge: 2 * DAY_MS },
  { key: 'last7days', title: 'Last 7 Days', maxAge: 7 * DAY_MS },
  { key: 'older', title: 'Older', maxAge: Number.POSITIVE_INFINITY },
];

const cache = new WeakMap<ChatState['threads'], { now: number; sections: ThreadSection[] }>();

/**
 * The thread list in sections: pinned, then by the age of the newest message relative to `now`
 * (under 24 hours: today; under 48: yesterday; under 7 days; older), as CoCalc's
 * `groupThreadsByRecency`. Newest first in each; empty sections are left out. Memoized on the
 * thread index and `now` (pass a coarse `now`, e.g. per minute, to keep the result stable).
 */
export function selectThreadSections(state: ChatState, now: number): ThreadSection[] {
  const cached = cache.get(state.threads);
  if (cached && cached.now === now) return cached.sections;
  const threads = selectThreadList(state);
  const sections: ThreadSection[] = [];
  const pinned = threads.filter((thread) => thread.pinned);
  if (pinned.length > 0) sections.push({ key: 'pinned', title: 'Pinned', threads: pinned });
  const buckets = RECENCY.map((section) => ({ key: section.key, title: section.title, threads: [] as ChatThread[] }));
  for (const thread of threads) {
    if (thread.pinned) continue;
    const age = now - thread.newestTime;
    buckets[RECENCY.findIndex((section) => age < section.maxAge)].threads.push(thread);
  }
  sections.push(...buckets.filter((bucket) => bucket.threads.length > 0));
  cache.set(state.threads, { now, sections });
  return sections;
}
