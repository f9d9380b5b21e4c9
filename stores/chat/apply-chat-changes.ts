import type { Draft } from 'immer';
import { keyString } from '../../src/syncdb/index.js';
import { bucketsEmpty, deleteFromBuckets, getFromBuckets, setInBuckets } from './buckets.js';
import type { ChatMessage, ChatState } from './chat-types.js';
import type { ChatIndex, ReadBatch } from './read-changes.js';
import { updateSortedKeys } from './sorted-keys.js';
import { sameThread, summarizeThread } from './thread-summary.js';

type ThreadWork = { removed: Set<string>; added: string[] };

const LARGE_BATCH = 64;

/**
 * Immer recipe: applies one read batch to the state in O(size of the batch). `base` is the state
 * before the change (read from it, not from the draft, to avoid creating proxies); only touched
 * messages, threads and drafts are assigned, so every other object keeps its identity.
 */
export function applyChatChanges(draft: Draft<ChatState>, base: ChatState, batch: ReadBatch, index: ChatIndex): void {
  // Nothing to clear when there were no problems (a document's first read): skips computing and
  // looking up a key per row. Small batches skip the check (a scan of every bucket) instead.
  const hadProblems = batch.messageKeys.size < LARGE_BATCH || !bucketsEmpty(base.problems);
  for (const [id, problems] of batch.problems) {
    if (problems) setInBuckets(draft.problems, id, problems);
    else if (hadProblems) deleteFromBuckets(draft.problems, base.problems, id);
  }
  const shown = new Map<string, ChatMessage | undefined>();
  const threads = new Map<string, ThreadWork>();
  const work = (threadKey: string) => {
    let entry = threads.get(threadKey);
    if (!entry) threads.set(threadKey, (entry = { removed: new Set(), added: [] }));
    return entry;
  };
  for (const ms of batch.messageKeys) {
    const winner = pickShown(ms, index, draft, base, hadProblems);
    const old = getFromBuckets(base.messages, ms);
    shown.set(ms, winner);
    if (old === winner) continue;
    if (old) {
      work(old.threadKey).removed.add(ms);
      if (old.generating) index.generating.get(old.threadKey)?.delete(ms);
    }
    if (winner) {
      const entry = work(winner.threadKey);
      if (!entry.removed.delete(ms)) entry.added.push(ms);
      if (winner.generating) setOf(index.generating, winner.threadKey).add(ms);
      setInBuckets(draft.messages, ms, winner);
    } else {
      deleteFromBuckets(draft.messages, base.messages, ms);
    }
  }
  for (const [threadKey, { removed, added }] of threads) {
    const baseKeys = getFromBuckets(base.threadMessageKeys, threadKey) ?? [];
    const keys = removed.size > 0 || added.length > 0 ? updateSortedKeys(baseKeys, removed, added) : baseKeys;
    if (keys.length === 0) {
      deleteFromBuckets(draft.threadMessageKeys, base.threadMessageKeys, threadKey);
      deleteFromBuckets(draft.threads, base.threads, threadKey);
      index.generating.delete(threadKey);
      continue;
    }
    if (keys !== baseKeys) setInBuckets(draft.threadMessageKeys, threadKey, keys);
    const candidate = shown.has(threadKey) ? shown.get(threadKey) : getFromBuckets(base.messages, threadKey);
    const summary = summarizeThread({
      key: threadKey,
      keys,
      root: candidate?.threadKey === threadKey ? candidate : undefined,
      generatingCount: index.generating.get(threadKey)?.size ?? 0,
      accountId: base.accountId,
    });
    if (!sameThread(getFromBuckets(base.threads, threadKey), summary)) setInBuckets(draft.threads, threadKey, summary);
  }
  for (const [draftKey, value] of batch.drafts) {
    if (value) draft.drafts[draftKey] = value;
    else if (base.drafts[draftKey]) delete draft.drafts[draftKey];
  }
}

// CoCalc keys messages by date alone. When two senders share a millisecond, the smallest sender id
// is shown and the others are reported as problems, so the choice does not depend on arrival order.
function pickShown(ms: string, index: ChatIndex, draft: Draft<ChatState>, base: ChatState, hadProblems: boolean): ChatMessage | undefined {
  const candidates = index.byMs.get(ms);
  if (!candidates) return undefined;
  let winner: ChatMessage | undefined;
  for (const message of candidates.values()) if (!winner || message.sender_id < winner.sender_id) winner = message;
  if (!winner) return undefined;
  // A winner hidden before (another sender won) loses its "hidden" problem.
  if (hadProblems) deleteFromBuckets(draft.problems, base.problems, keyString(winner));
  for (const message of candidates.values()) {
    if (message !== winner) setInBuckets(draft.problems, keyString(message), [`hidden: ${winner.sender_id} has a message at the same millisecond`]);
  }
  return winner;
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
